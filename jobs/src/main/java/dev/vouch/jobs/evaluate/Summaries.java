package dev.vouch.jobs.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns per-fold scores into the typed summaries of metrics.json and {@code --json}: per scenario and model, the mean
 * and sample sd over folds of every metric (NaN where a metric does not apply: JSON gets null), and our ratio to the
 * peer and to popularity.
 */
final class Summaries {
    private Summaries() {}

    /** The models scored in a scenario, in {@link EvaluationResult#MODELS} order, then any others. */
    static List<String> models(List<FoldOutcome> folds, String scenario) {
        Set<String> seen = new LinkedHashSet<>();
        folds.forEach(f -> f.scores().stream().filter(s -> s.scenario().equals(scenario))
                .forEach(s -> seen.add(s.model())));
        List<String> out = new ArrayList<>(EvaluationResult.MODELS.stream().filter(seen::contains).toList());
        seen.stream().filter(m -> !out.contains(m)).forEach(out::add);
        return out;
    }

    /** One metric of one model in one scenario, per fold (NaN where absent). */
    static double[] perFold(List<FoldOutcome> folds, String scenario, String model, String metric) {
        return folds.stream().mapToDouble(f -> {
            Scores s = f.find(scenario, model);
            return s == null ? Double.NaN : s.get(metric);
        }).toArray();
    }

    static double mean(List<FoldOutcome> folds, String scenario, String model, String metric) {
        return Metrics.mean(perFold(folds, scenario, model, metric));
    }

    /** One model in one scenario: mean and sample sd over folds of every metric, and the requests scored. */
    record ModelSummary(Map<String, Double> mean, Map<String, Double> sd, long requestsOverFolds) {}

    /** One scenario: how it is run, each model's summary, and (for lists) our ratios. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScenarioSummary(String protocol, Map<String, ModelSummary> models, Ratios ratios) {}

    /** Our NDCG@10 over the peer's and over popularity's, from the same folds. */
    record Ratios(double vouchOverPopularity, double vouchOverSparkImplicitAls,
                  double sparkImplicitAlsOverPopularity) {
        String describe() {
            return String.format(Locale.ROOT, "vouch/popularity %s, vouch/spark_implicit_als %s, "
                    + "spark_implicit_als/popularity %s", times(vouchOverPopularity), times(vouchOverSparkImplicitAls),
                    times(sparkImplicitAlsOverPopularity));
        }

        static String times(double v) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f×", v) : "–";
        }
    }

    /** The {@code --json} summary: every scenario's means, the ratios, parameters and where the report is. */
    record Cli(Map<String, ScenarioSummary> scenarios, int folds, long seed, Map<String, Object> params,
               Object snapshot, double wallSeconds, String report) {}

    /** scenario → its summary; scenarios without scores are left out. */
    static Map<String, ScenarioSummary> scenarios(List<FoldOutcome> folds) {
        Map<String, ScenarioSummary> out = new LinkedHashMap<>();
        for (Scenario sc : Scenario.values()) {
            List<String> models = models(folds, sc.key);
            if (models.isEmpty()) {
                continue;
            }
            Map<String, ModelSummary> byModel = new LinkedHashMap<>();
            for (String m : models) {
                Map<String, Double> mean = new LinkedHashMap<>();
                Map<String, Double> sd = new LinkedHashMap<>();
                for (String metric : metricNames(folds, sc.key, m)) {
                    double[] v = perFold(folds, sc.key, m, metric);
                    mean.put(metric, Metrics.mean(v));
                    sd.put(metric, Metrics.sd(v));
                }
                long users = folds.stream().map(f -> f.find(sc.key, m)).filter(Objects::nonNull)
                        .mapToLong(Scores::users).sum();
                byModel.put(m, new ModelSummary(mean, sd, users));
            }
            out.put(sc.key, new ScenarioSummary(sc.protocol, byModel,
                    sc == Scenario.RATINGS ? null : ratios(folds, sc.key)));
        }
        return out;
    }

    static Ratios ratios(List<FoldOutcome> folds, String scenario) {
        double ours = mean(folds, scenario, EvaluationResult.MODEL, "ndcg_at_10");
        double peer = mean(folds, scenario, EvaluationResult.IMPLICIT_ALS, "ndcg_at_10");
        double popularity = mean(folds, scenario, EvaluationResult.POPULARITY, "ndcg_at_10");
        return new Ratios(ours / popularity, ours / peer, peer / popularity);
    }

    private static List<String> metricNames(List<FoldOutcome> folds, String scenario, String model) {
        return folds.stream().map(f -> f.find(scenario, model)).filter(Objects::nonNull).findFirst()
                .map(s -> List.copyOf(s.metrics().keySet())).orElse(List.of());
    }

    static Cli cli(EvaluationResult r, String reportDir) {
        return new Cli(scenarios(r.folds()), r.params().folds(), r.params().seed(), Reports.params(r),
                r.snapshot().get("path"), round(r.wallSeconds()), reportDir);
    }

    /** An ordered JSON object from key, value pairs (Map.of would shuffle the keys). */
    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
