package dev.vouch.jobs.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Turns per-fold scores into the JSON-ready maps of metrics.json and {@code --json}: metric names in snake_case, mean
 * and sample sd over folds, and null (never NaN) where a metric does not apply to a model.
 */
final class Summaries {
    static final List<String> METRICS = List.of("rmse", "mae", "precision_at_10", "recall_at_10", "ndcg_at_10",
            "map", "coverage");
    static final List<String> TRUST_METRICS = List.of("trustee_ndcg_at_10", "trustee_hit_at_10",
            "popularity_ndcg_at_10", "popularity_hit_at_10", "model_ndcg_at_10", "model_hit_at_10",
            "blend_ndcg_at_10", "blend_hit_at_10", "blend_popularity_ndcg_at_10", "blend_popularity_hit_at_10");

    private Summaries() {}

    static double value(ModelScores s, String metric) {
        return switch (metric) {
            case "rmse" -> s.rmse();
            case "mae" -> s.mae();
            case "precision_at_10" -> s.precisionAt10();
            case "recall_at_10" -> s.recallAt10();
            case "ndcg_at_10" -> s.ndcgAt10();
            case "map" -> s.map();
            case "coverage" -> s.coverage();
            default -> throw new IllegalArgumentException("unknown metric " + metric);
        };
    }

    static double value(TrustScores t, String metric) {
        return switch (metric) {
            case "trustee_ndcg_at_10" -> t.trusteeNdcg();
            case "trustee_hit_at_10" -> t.trusteeHit();
            case "popularity_ndcg_at_10" -> t.popularityNdcg();
            case "popularity_hit_at_10" -> t.popularityHit();
            case "model_ndcg_at_10" -> t.modelNdcg();
            case "model_hit_at_10" -> t.modelHit();
            case "blend_ndcg_at_10" -> t.blendNdcg();
            case "blend_hit_at_10" -> t.blendHit();
            case "blend_popularity_ndcg_at_10" -> t.blendPopularityNdcg();
            case "blend_popularity_hit_at_10" -> t.blendPopularityHit();
            default -> throw new IllegalArgumentException("unknown trust metric " + metric);
        };
    }

    /** One model's scores over the folds. */
    static double[] perFold(List<FoldOutcome> folds, String model, String metric) {
        return folds.stream().mapToDouble(f -> value(scores(f, model), metric)).toArray();
    }

    static ModelScores scores(FoldOutcome fold, String model) {
        return fold.models().stream().filter(s -> s.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scores for " + model));
    }

    /** metric → mean over folds (or sd, with {@code sd}). */
    static Map<String, Object> aggregate(List<FoldOutcome> folds, String model, boolean sd) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String m : METRICS) {
            double[] v = perFold(folds, model, m);
            out.put(m, num(sd ? Metrics.sd(v) : Metrics.mean(v)));
        }
        return out;
    }

    /** Means of the trust metrics over folds, plus edge counts summed over folds; null without trust edges. */
    static Map<String, Object> trust(List<FoldOutcome> folds, boolean sd) {
        List<TrustScores> t = folds.stream().map(FoldOutcome::trust).filter(Objects::nonNull).toList();
        if (t.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String m : TRUST_METRICS) {
            double[] v = t.stream().mapToDouble(x -> value(x, m)).toArray();
            out.put(m, num(sd ? Metrics.sd(v) : Metrics.mean(v)));
        }
        if (!sd) {
            out.put("edges", sum(t, TrustScores::edges));
            out.put("wins", sum(t, TrustScores::wins));
            out.put("losses", sum(t, TrustScores::losses));
            out.put("trusters", sum(t, TrustScores::trusters));
        }
        return out;
    }

    /** The {@code --json} summary: our model's means at the top level, each baseline's under baselines. */
    static Map<String, Object> cli(EvaluationResult r, String reportDir) {
        Map<String, Object> out = new LinkedHashMap<>(aggregate(r.folds(), EvaluationResult.MODEL, false));
        Map<String, Object> baselines = new LinkedHashMap<>();
        for (String m : EvaluationResult.MODELS) {
            if (!m.startsWith(EvaluationResult.MODEL)) {
                baselines.put(m, aggregate(r.folds(), m, false));
            }
        }
        out.put("baselines", baselines);
        out.put("variants", obj(EvaluationResult.MODEL_PREDICTION_ONLY,
                aggregate(r.folds(), EvaluationResult.MODEL_PREDICTION_ONLY, false)));
        out.put("trust", trust(r.folds(), false));
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

    private static long sum(List<TrustScores> t, ToDoubleFunction<TrustScores> f) {
        return Math.round(t.stream().mapToDouble(f).sum());
    }
}
