package dev.vouch.jobs.evaluate;

import dev.vouch.jobs.common.JobOptions;
import dev.vouch.jobs.common.JsonText;
import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.SparkOptions;
import dev.vouch.jobs.common.SparkSessions;
import dev.vouch.jobs.train.ImplicitParams;
import dev.vouch.jobs.train.RatingModelOptions;
import dev.vouch.jobs.train.TrainParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vouch evaluate}: seeded k-fold cross-validation of our model and the baselines, with a report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cross-validate what serving answers (the ranking engine over our models) against Spark's "
                + "implicit ALS, popularity, biases, Mahout item kNN and the global mean on the latest warehouse "
                + "snapshot: known reviewers, anonymous readers, and trust edges where they exist.",
                "Writes metrics.json, report.md and PNG charts to --report."})
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The warehouse folder.")
    String warehouse;

    @Option(names = "--report", required = true, paramLabel = "DIR", description = "Folder for metrics.json, report.md and charts.")
    String report;

    @Option(names = "--folds", description = "Number of folds, 2..20 (default ${DEFAULT-VALUE}).")
    int folds = EvaluateParams.DEFAULT_FOLDS;

    @Option(names = "--seed", description = "Seed of folds, sampling and training (default ${DEFAULT-VALUE}).")
    long seed = EvaluateParams.DEFAULT_SEED;

    @Mixin
    RatingModelOptions model;

    @Option(names = "--implicit-ranks", split = ",",
            description = "Implicit ALS ranks tried on the inner split (default ${DEFAULT-VALUE}).")
    List<Integer> implicitRanks = ImplicitParams.DEFAULT_RANKS;

    @Option(names = "--implicit-alphas", split = ",",
            description = "Implicit ALS alphas tried on the inner split (default ${DEFAULT-VALUE}).")
    List<Double> implicitAlphas = ImplicitParams.DEFAULT_ALPHAS;

    @Option(names = "--implicit-regs", split = ",",
            description = "Regularisations tried for our implicit model on the inner split (default ${DEFAULT-VALUE}).")
    List<Double> implicitRegs = List.of(ImplicitParams.DEFAULT_REG);

    @Option(names = "--max-ranked", description = "Known reviewers ranked per fold, seeded sample (default ${DEFAULT-VALUE}).")
    int maxRanked = EvaluateParams.DEFAULT_MAX_RANKED;

    @Option(names = "--mahout-ranked", description = "Reviewers Mahout ranks per fold, seeded sample; 0 skips Mahout "
            + "(default ${DEFAULT-VALUE}).")
    int mahoutRanked = EvaluateParams.DEFAULT_MAHOUT_RANKED;

    @Option(names = "--relevant-at", description = "A held-out rating is relevant at or above this share of its scale "
            + "(default ${DEFAULT-VALUE}: 4 of 5, 3 of 4).")
    double relevantAt = dev.vouch.jobs.evaluate.RankingTuner.DEFAULT_RELEVANT_AT;

    @Option(names = "--readers-share", description = "Share of reviewers held out whole per fold as anonymous readers; 0 "
            + "skips them (default ${DEFAULT-VALUE}).")
    double readersShare = EvaluateParams.DEFAULT_READERS_SHARE;

    @Option(names = "--max-edges", description = "Trust edges scored per fold, seeded sample (default ${DEFAULT-VALUE}).")
    int maxEdges = EvaluateParams.DEFAULT_MAX_EDGES;

    @Option(names = "--publish-fold", paramLabel = "DIR", description = "Also publish fold 1's model into this models "
            + "folder, with served-lists.jsonl: requests and the lists the evaluator scored for them.")
    String publishFold;

    @Mixin
    JobOptions job;

    @Mixin
    SparkOptions sparkOptions;

    EvaluateParams params() {
        ImplicitParams implicit = new ImplicitParams(implicitRanks.get(0), implicitAlphas.get(0), true,
                ImplicitParams.DEFAULT_REG, ImplicitParams.DEFAULT_MAX_ITER, implicitRanks, implicitAlphas, implicitRegs);
        TrainParams train = model.params(seed, implicit);
        return new EvaluateParams(folds, seed, train, maxRanked, mahoutRanked, relevantAt, readersShare, maxEdges,
                publishFold);
    }

    @Override
    public Integer call() throws Exception {
        EvaluateParams p = params();
        Progress progress = job.progress();
        EvaluationResult result = new EvaluateJob(SparkSessions.open("evaluate", sparkOptions), progress)
                .run(warehouse, p);
        progress.step("writing metrics.json, report.md and charts to " + report);
        Path dir = Reports.write(result, Path.of(report));
        Summaries.Cli summary = Summaries.cli(result, dir.toString());
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
        for (Scenario sc : Scenario.values()) {
            List<String> models = Summaries.models(r.folds(), sc.key);
            if (models.isEmpty()) {
                continue;
            }
            out.append("  ").append(sc.key).append('\n');
            for (String m : models) {
                String metric = sc == Scenario.RATINGS ? "rmse" : "ndcg_at_10";
                out.append(String.format(Locale.ROOT, "    %-28s %s %s%n", m, metric,
                        f(Summaries.mean(r.folds(), sc.key, m, metric))));
            }
            if (sc != Scenario.RATINGS) {
                out.append("    ratios ").append(Summaries.ratios(r.folds(), sc.key).describe()).append('\n');
            }
        }
        return out.append("  report ").append(dir).toString();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

}
