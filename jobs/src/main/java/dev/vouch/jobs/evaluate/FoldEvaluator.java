package dev.vouch.jobs.evaluate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Scores models on one fold: every held-out rating for RMSE/MAE, and the top 10 of the chosen test reviewers for
 * the ranking metrics. Work per reviewer runs in parallel (every model here is thread-safe), but results are gathered
 * in a fixed order so the numbers do not depend on scheduling.
 */
final class FoldEvaluator {
    static final int K = 10;

    private final FoldSplit split;
    private final Map<Integer, Set<Integer>> relevant;
    private final int[] ranked;

    /**
     * @param relevant the fold's ground truth ({@link FoldSplit#relevant})
     * @param ranked   the reviewers to rank for, a subset of relevant's keys
     */
    FoldEvaluator(FoldSplit split, Map<Integer, Set<Integer>> relevant, int[] ranked) {
        this.split = split;
        this.relevant = relevant;
        this.ranked = ranked.clone();
    }

    /**
     * The reviewers to rank for: all with relevant held-out films, or, when there are more than {@code max}, a seeded
     * sample of {@code max} of them (ascending).
     */
    static int[] sample(Set<Integer> reviewers, int max, long seed) {
        int[] all = reviewers.stream().mapToInt(Integer::intValue).sorted().toArray();
        if (all.length <= max) {
            return all;
        }
        return Arrays.stream(all).boxed()
                .sorted((a, b) -> Long.compare(mix(a, seed), mix(b, seed)))
                .limit(max).mapToInt(Integer::intValue).sorted().toArray();
    }

    int[] ranked() {
        return ranked.clone();
    }

    /** RMSE and MAE over every held-out rating; where the model has no estimate, the reviewer's training mean. */
    Scores ratings(String name, FoldModel model) {
        long start = System.nanoTime();
        double[] predictions = Arrays.stream(split.testRows).parallel()
                .mapToDouble(i -> model.predict(split.table.reviewer[i], split.table.film[i])).toArray();
        double[] predicted = new double[predictions.length];
        double[] actual = new double[predictions.length];
        int fallbacks = 0;
        for (int j = 0; j < predicted.length; j++) {
            int i = split.testRows[j];
            double p = predictions[j];
            if (Double.isNaN(p)) {
                fallbacks++;
                p = fallback(split.table.reviewer[i]);
            }
            predicted[j] = split.table.onScale(i, p);
            actual[j] = split.table.score[i];
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rmse", Metrics.rmse(predicted, actual));
        m.put("mae", Metrics.mae(predicted, actual));
        m.put("fallbacks", (double) fallbacks);
        return new Scores(Scenario.RATINGS.key, name, predicted.length, m, seconds(start));
    }

    /** The ranking metrics of the model's top 10 for the ranked reviewers (known reviewers). */
    Scores ranking(String name, FoldModel model, ListMetrics.Endorsement endorsement) {
        long start = System.nanoTime();
        int[][] lists = IntStream.range(0, ranked.length).parallel()
                .mapToObj(j -> model.recommend(ranked[j], K)).toArray(int[][]::new);
        List<Set<Integer>> rel = Arrays.stream(ranked).mapToObj(relevant::get).toList();
        return new Scores(Scenario.KNOWN.key, name, ranked.length,
                ListMetrics.of(lists, rel, split.filmCount, split.catalogue.length, endorsement, K), seconds(start));
    }

    private double fallback(int reviewer) {
        double m = split.reviewerMean[reviewer];
        return Double.isNaN(m) ? split.globalMean : m;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** SplitMix64 finaliser: a seeded, well-spread order of reviewers. */
    static long mix(long x, long seed) {
        long z = x + seed * 0x9E3779B97F4A7C15L + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
