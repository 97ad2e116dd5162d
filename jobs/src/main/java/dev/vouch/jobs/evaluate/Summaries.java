package dev.vouch.jobs.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns per-fold scores into the JSON-ready maps of metrics.json and {@code --json}: per scenario and model, the mean
 * and sample sd over folds of every metric, null (never NaN) where a metric does not apply, and our ratio to the
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

    /** scenario → model → {mean: {metric: v}, sd: {…}, users}; scenarios without scores are left out. */
    static Map<String, Object> scenarios(List<FoldOutcome> folds) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Scenario sc : Scenario.values()) {
            List<String> models = models(folds, sc.key);
            if (models.isEmpty()) {
                continue;
            }
            Map<String, Object> byModel = new LinkedHashMap<>();
            for (String m : models) {
                Map<String, Object> mean = new LinkedHashMap<>();
                Map<String, Object> sd = new LinkedHashMap<>();
                for (String metric : metricNames(folds, sc.key, m)) {
                    double[] v = perFold(folds, sc.key, m, metric);
                    mean.put(metric, num(Metrics.mean(v)));
                    sd.put(metric, num(Metrics.sd(v)));
                }
                long users = folds.stream().map(f -> f.find(sc.key, m)).filter(Objects::nonNull)
                        .mapToLong(Scores::users).sum();
                byModel.put(m, obj("mean", mean, "sd", sd, "requests_over_folds", users));
            }
            Map<String, Object> scenario = obj("protocol", sc.protocol, "models", byModel);
            if (sc != Scenario.RATINGS) {
                scenario.put("ratios", ratios(folds, sc.key));
            }
            out.put(sc.key, scenario);
        }
        return out;
    }

    /** Our NDCG@10 over the peer's and over popularity's, from the same folds. */
    static Map<String, Object> ratios(List<FoldOutcome> folds, String scenario) {
        if (scenario.equals(Scenario.CRITICS_TRUST.key)) {
            double m = mean(folds, scenario, CriticsEvaluator.MATCH, "ndcg_at_10");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("match_over_most_active", num(m / mean(folds, scenario, CriticsEvaluator.MOST_ACTIVE,
                    "ndcg_at_10")));
            out.put("match_over_random", num(m / mean(folds, scenario, CriticsEvaluator.RANDOM, "ndcg_at_10")));
            out.put("recall_match_over_most_active", num(mean(folds, scenario, CriticsEvaluator.MATCH, "recall_at_10")
                    / mean(folds, scenario, CriticsEvaluator.MOST_ACTIVE, "recall_at_10")));
            return out;
        }
        if (scenario.equals(Scenario.CRITICS_FEW.key)) {
            Map<String, Object> out = new LinkedHashMap<>();
            double own = mean(folds, scenario, CriticsEvaluator.OWN, "ndcg_at_10");
            double pop = mean(folds, scenario, EvaluationResult.POPULARITY, "ndcg_at_10");
            for (int k : CriticsEvaluator.PANEL_SIZES) {
                double v = mean(folds, scenario, CriticsEvaluator.panel(k), "ndcg_at_10");
                out.put(CriticsEvaluator.panel(k) + "_over_popularity", num(v / pop));
                out.put(CriticsEvaluator.panel(k) + "_over_own_fold_in", num(v / own));
            }
            out.put("own_fold_in_over_popularity", num(own / pop));
            return out;
        }
        double ours = mean(folds, scenario, EvaluationResult.MODEL, "ndcg_at_10");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("vouch_over_popularity", num(ours / mean(folds, scenario, EvaluationResult.POPULARITY, "ndcg_at_10")));
        out.put("vouch_over_spark_implicit_als",
                num(ours / mean(folds, scenario, EvaluationResult.IMPLICIT_ALS, "ndcg_at_10")));
        out.put("spark_implicit_als_over_popularity", num(mean(folds, scenario, EvaluationResult.IMPLICIT_ALS,
                "ndcg_at_10") / mean(folds, scenario, EvaluationResult.POPULARITY, "ndcg_at_10")));
        return out;
    }

    private static List<String> metricNames(List<FoldOutcome> folds, String scenario, String model) {
        return folds.stream().map(f -> f.find(scenario, model)).filter(Objects::nonNull).findFirst()
                .map(s -> List.copyOf(s.metrics().keySet())).orElse(List.of());
    }

    /** The {@code --json} summary: every scenario's means, the ratios, parameters and where the report is. */
    static Map<String, Object> cli(EvaluationResult r, String reportDir) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenarios", scenarios(r.folds()));
        out.put("folds", r.params().folds());
        out.put("seed", r.params().seed());
        out.put("params", Reports.params(r));
        out.put("snapshot", r.snapshot().get("path"));
        out.put("wall_seconds", round(r.wallSeconds()));
        out.put("report", reportDir);
        return out;
    }

    /** An ordered JSON object from key, value pairs (Map.of would shuffle the keys). */
    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    /** NaN and infinities become null: JSON has no NaN. */
    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
