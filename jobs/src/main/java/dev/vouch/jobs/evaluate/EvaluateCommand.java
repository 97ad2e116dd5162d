package dev.vouch.jobs.evaluate;

import dev.vouch.jobs.common.JobOptions;
import dev.vouch.jobs.common.JsonText;
import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.SparkOptions;
import dev.vouch.jobs.common.SparkSessions;
import dev.vouch.jobs.train.TrainParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vouch evaluate}: seeded k-fold cross-validation of our model and the baselines, with a report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cross-validate the model and the baselines (global mean, biases, popularity, Mahout item kNN)"
                + " on the latest warehouse snapshot, with a trust evaluation where trust edges exist.",
                "Writes metrics.json, report.md and PNG charts to --report."})
public final class EvaluateCommand implements Callable<Integer> {
    private static final TrainParams D = TrainParams.defaults();

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The warehouse folder.")
    String warehouse;

    @Option(names = "--report", required = true, paramLabel = "DIR", description = "Folder for metrics.json, report.md and charts.")
    String report;

    @Option(names = "--folds", description = "Number of folds, 2..20 (default ${DEFAULT-VALUE}).")
    int folds = EvaluateParams.DEFAULT_FOLDS;

    @Option(names = "--seed", description = "Seed of folds, sampling and training (default ${DEFAULT-VALUE}).")
    long seed = EvaluateParams.DEFAULT_SEED;

    // defaultValue and fallbackValue both "true": without them picocli's negatable option toggles its default, and
    // --no-search would leave the search on.
    @Option(names = "--search", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Search rank and reg-param once, on fold 1's training part (default on).")
    boolean search = true;

    @Option(names = "--rank", description = "ALS rank with --no-search (default ${DEFAULT-VALUE}).")
    int rank = D.rank();

    @Option(names = "--reg-param", description = "ALS regularisation with --no-search (default ${DEFAULT-VALUE}).")
    double regParam = D.regParam();

    @Option(names = "--ranks", split = ",", description = "Ranks to search (default 10,24).")
    List<Integer> ranks = D.ranks();

    @Option(names = "--reg-params", split = ",", description = "Reg-params to search (default 0.015,0.03,0.06).")
    List<Double> regParams = D.regParams();

    @Option(names = "--max-iter", description = "ALS iterations (default ${DEFAULT-VALUE}).")
    int maxIter = D.maxIter();

    @Option(names = "--bias-reg", description = "Bias damping in pseudo-ratings (default ${DEFAULT-VALUE}).")
    double biasReg = D.biasReg();

    @Option(names = "--max-ranked", description = "Test reviewers ranked per fold, seeded sample (default ${DEFAULT-VALUE}).")
    int maxRanked = EvaluateParams.DEFAULT_MAX_RANKED;

    @Mixin
    JobOptions job;

    @Mixin
    SparkOptions sparkOptions;

    EvaluateParams params() {
        TrainParams train = new TrainParams(rank, regParam, maxIter, biasReg, search, ranks, regParams,
                D.validationFraction(), D.maxLikedPerReviewer(), D.topSimilar(), seed);
        return new EvaluateParams(folds, seed, train, maxRanked);
    }

    @Override
    public Integer call() throws Exception {
        EvaluateParams p = params();
        Progress progress = job.progress();
        EvaluationResult result = new EvaluateJob(SparkSessions.open("evaluate", sparkOptions), progress)
                .run(warehouse, p);
        progress.step("writing metrics.json, report.md and charts to " + report);
        Path dir = Reports.write(result, Path.of(report));
        Map<String, Object> summary = Summaries.cli(result, dir.toString());
        if (job.json) {
            System.out.println(JsonText.oneLine(summary));
        } else {
            System.out.println(text(result, dir));
        }
        return 0;
    }

    private static String text(EvaluationResult r, Path dir) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d-fold evaluation of %s (seed %d), %.1f s%n",
                r.params().folds(), r.snapshot().get("path"), r.params().seed(), r.wallSeconds()));
        out.append(String.format(Locale.ROOT, "  %-16s %8s %8s %8s %8s%n", "model", "RMSE", "MAE", "NDCG@10", "MAP"));
        for (String m : EvaluationResult.MODELS) {
            Map<String, Object> a = Summaries.aggregate(r.folds(), m, false);
            out.append(String.format(Locale.ROOT, "  %-16s %8s %8s %8s %8s%n", m, f(a.get("rmse")), f(a.get("mae")),
                    f(a.get("ndcg_at_10")), f(a.get("map"))));
        }
        Map<String, Object> t = Summaries.trust(r.folds(), false);
        if (t != null) {
            out.append(String.format(Locale.ROOT, "  trust: trustee's list NDCG@10 %s vs popularity %s over %s edges%n",
                    f(t.get("trustee_ndcg_at_10")), f(t.get("popularity_ndcg_at_10")), t.get("edges")));
        }
        return out.append("  report ").append(dir).toString();
    }

    private static String f(Object v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue());
    }
}
