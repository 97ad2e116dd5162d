package dev.vouch.jobs.evaluate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's metrics in one scenario on one fold. NaN means "not applicable" (rating metrics of a model that
 * predicts no ratings, ranking metrics of one that cannot rank).
 *
 * @param scenario {@link Scenario} name
 * @param model    the model or baseline
 * @param users    requests scored (reviewers, readers or trust edges)
 * @param metrics  metric name → value, in a fixed order
 * @param seconds  time to score (fitting excluded)
 */
record Scores(String scenario, String model, int users, Map<String, Double> metrics, double seconds) {
    Scores {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    double get(String metric) {
        Double v = metrics.get(metric);
        return v == null ? Double.NaN : v;
    }
}
