package dev.vouch.jobs.train;

import java.util.List;
import picocli.CommandLine.Option;

/** The rating model's options, shared by {@code vouch train} and {@code vouch evaluate}: one default, one help text. */
public final class RatingModelOptions {
    @Option(names = "--search", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Search rank and reg-param on a validation split of the training ratings (default on); "
                    + "--no-search uses --rank and --reg-param as given.")
    boolean search = TrainParams.DEFAULT_SEARCH;

    @Option(names = "--rank", description = "ALS rank with --no-search (default ${DEFAULT-VALUE}).")
    int rank = TrainParams.DEFAULT_RANK;

    @Option(names = "--reg-param", description = "ALS regularisation with --no-search (default ${DEFAULT-VALUE}).")
    double regParam = TrainParams.DEFAULT_REG;

    @Option(names = "--ranks", split = ",", description = "Ranks to search (default ${DEFAULT-VALUE}).")
    List<Integer> ranks = TrainParams.DEFAULT_RANKS;

    @Option(names = "--reg-params", split = ",", description = "Reg-params to search (default ${DEFAULT-VALUE}).")
    List<Double> regParams = TrainParams.DEFAULT_REGS;

    @Option(names = "--max-iter", description = "ALS iterations (default ${DEFAULT-VALUE}).")
    int maxIter = TrainParams.DEFAULT_MAX_ITER;

    @Option(names = "--bias-reg", description = "Bias damping in pseudo-ratings (default ${DEFAULT-VALUE}).")
    double biasReg = TrainParams.DEFAULT_BIAS_REG;

    /** The training parameters these options give, with the seed and the implicit model's parameters. */
    public TrainParams params(long seed, ImplicitParams implicit) {
        return new TrainParams(rank, regParam, maxIter, biasReg, search, ranks, regParams,
                TrainParams.DEFAULT_VALIDATION_FRACTION, TrainParams.DEFAULT_MAX_LIKED_PER_REVIEWER,
                TrainParams.DEFAULT_TOP_SIMILAR, seed, implicit);
    }
}
