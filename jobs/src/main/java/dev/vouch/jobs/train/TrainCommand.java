package dev.vouch.jobs.train;

import dev.vouch.jobs.common.JobOptions;
import dev.vouch.jobs.common.JsonText;
import dev.vouch.jobs.common.SparkOptions;
import dev.vouch.jobs.common.SparkSessions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vouch train}: the latest snapshot into a new published model version. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model from the latest warehouse snapshot and publish it as a new version.",
                "CURRENT switches only after the new version is complete."})
public final class TrainCommand implements Callable<Integer> {
    private static final TrainParams D = TrainParams.defaults();

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The warehouse folder.")
    String warehouse;

    @Option(names = "--models", required = true, paramLabel = "DIR", description = "The models folder (versions + CURRENT).")
    String models;

    @Option(names = "--rank", description = "ALS rank when --no-search (default ${DEFAULT-VALUE}).")
    int rank = D.rank();

    @Option(names = "--reg-param", description = "ALS regularisation when --no-search (default ${DEFAULT-VALUE}).")
    double regParam = D.regParam();

    @Option(names = "--max-iter", description = "ALS iterations (default ${DEFAULT-VALUE}).")
    int maxIter = D.maxIter();

    @Option(names = "--bias-reg", description = "Bias damping in pseudo-ratings (default ${DEFAULT-VALUE}).")
    double biasReg = D.biasReg();

    @Option(names = "--no-search", description = "Skip the search; use --rank and --reg-param as given.")
    boolean noSearch;

    @Option(names = "--ranks", split = ",", description = "Ranks to search (default ${DEFAULT-VALUE}).")
    List<Integer> ranks = D.ranks();

    @Option(names = "--reg-params", split = ",", description = "Reg-params to search (default ${DEFAULT-VALUE}).")
    List<Double> regParams = D.regParams();

    @Option(names = "--implicit-rank", description = "Implicit ALS rank (default ${DEFAULT-VALUE}).")
    int implicitRank = D.implicit().rank();

    @Option(names = "--implicit-alpha", description = "Implicit ALS confidence of a watched film (default ${DEFAULT-VALUE}).")
    double implicitAlpha = D.implicit().alpha();

    @Option(names = "--implicit-confidence", description = "rating: a watched film's confidence grows with its score;"
            + " watched: every opinion counts alike (default ${DEFAULT-VALUE}).")
    String implicitConfidence = D.implicit().fromRatings() ? "rating" : "watched";

    @Option(names = "--implicit-reg-param", description = "Implicit ALS regularisation (default ${DEFAULT-VALUE}).")
    double implicitReg = D.implicit().regParam();

    @Option(names = "--seed", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed = D.seed();

    @Mixin
    JobOptions job;

    @Mixin
    SparkOptions sparkOptions;

    TrainParams params() {
        if (!implicitConfidence.equals("rating") && !implicitConfidence.equals("watched")) {
            throw new dev.vouch.jobs.common.VouchException("--implicit-confidence must be rating or watched, got "
                    + implicitConfidence);
        }
        ImplicitParams implicit = new ImplicitParams(implicitRank, implicitAlpha, implicitConfidence.equals("rating"),
                implicitReg, D.implicit().maxIter(), List.of(implicitRank), List.of(implicitAlpha), List.of(implicitReg));
        return new TrainParams(rank, regParam, maxIter, biasReg, !noSearch, ranks, regParams, D.validationFraction(),
                D.maxLikedPerReviewer(), D.topSimilar(), seed, implicit);
    }

    @Override
    public Integer call() throws Exception {
        TrainParams p = params();
        TrainModelJob.Summary s = new TrainModelJob(SparkSessions.open("train", sparkOptions), job.progress())
                .run(warehouse, models, p);
        if (job.json) {
            System.out.println(JsonText.oneLine(s));
        } else {
            System.out.printf("published model %s%n  %s%n  from %s%n  params %s%n  validation RMSE %s%n  rows %s%n  %.1f s%n",
                    s.version(), s.path(), s.snapshot(), s.params(),
                    s.validationRmse() == null ? "n/a (no search)" : String.format("%.4f", s.validationRmse()),
                    s.rows(), s.seconds());
        }
        return 0;
    }
}
