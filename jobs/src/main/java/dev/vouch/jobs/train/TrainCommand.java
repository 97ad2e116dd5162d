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
    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The warehouse folder.")
    String warehouse;

    @Option(names = "--models", required = true, paramLabel = "DIR", description = "The models folder (versions + CURRENT).")
    String models;

    @Mixin
    RatingModelOptions model;

    @Option(names = "--implicit-rank", description = "Implicit ALS rank (default ${DEFAULT-VALUE}).")
    int implicitRank = ImplicitParams.DEFAULT_RANK;

    @Option(names = "--implicit-alpha", description = "Implicit ALS confidence of a watched film (default ${DEFAULT-VALUE}).")
    double implicitAlpha = ImplicitParams.DEFAULT_ALPHA;

    @Option(names = "--implicit-confidence", description = "rating: a watched film's confidence grows with its score;"
            + " watched: every opinion counts alike (default ${DEFAULT-VALUE}).")
    String implicitConfidence = ImplicitParams.DEFAULT_FROM_RATINGS ? "rating" : "watched";

    @Option(names = "--implicit-reg-param", description = "Implicit ALS regularisation (default ${DEFAULT-VALUE}).")
    double implicitReg = ImplicitParams.DEFAULT_REG;

    @Option(names = "--seed", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed = TrainParams.DEFAULT_SEED;

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
                implicitReg, ImplicitParams.DEFAULT_MAX_ITER, List.of(implicitRank), List.of(implicitAlpha), List.of(implicitReg));
        return model.params(seed, implicit);
    }

    @Override
    public Integer call() throws Exception {
        TrainParams p = params();
        TrainModelJob.Summary s = new TrainModelJob(SparkSessions.open("train", sparkOptions), job.progress())
                .run(warehouse, models, p);
        if (job.json) {
            System.out.println(JsonText.oneLine(s));
        } else {
            System.out.printf("published model %s%n  %s%n  from %s%n  rank %d, reg-param %s, implicit rank %d%n"
                            + "  validation RMSE %s%n  rows %s%n  %.1f s%n",
                    s.version(), s.path(), s.snapshot(), s.params().rank(), s.params().regParam(),
                    s.params().implicit().rank(),
                    s.validationRmse() == null ? "n/a (no search)" : String.format("%.4f", s.validationRmse()),
                    s.rows(), s.seconds());
        }
        return 0;
    }
}
