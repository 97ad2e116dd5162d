package dev.vouch.jobs.evaluate;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Scores models on one fold: every held-out rating for RMSE/MAE, and the top-10 of the chosen test reviewers for
 * the ranking metrics. Work per reviewer and per pair runs in parallel (Mahout's recommender is thread-safe), but
 * results are gathered in a fixed order so the numbers do not depend on scheduling.
 */
final class FoldEvaluator {
    static final int K = 10;

    private final FoldSplit split;
    private final Map<Integer, Set<Integer>> relevant;
    private final int[] ranked;

    /**
     * @param relevant the fold's ground truth ({@link FoldSplit#relevant()})
     * @param ranked   the reviewers to rank for, a subset of relevant's keys
     */
    FoldEvaluator(FoldSplit split, Map<Integer, Set<Integer>> relevant, int[] ranked) {
        this.split = split;
        this.relevant = relevant;
        this.ranked = ranked.clone();
    }

    /**
     * The reviewers to rank for: all with relevant held-out films, or, when there are more than {@code max}, a seeded
     * sample of {@code max} of them (ascending). Ranking with Mahout costs seconds per reviewer on large catalogues.
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

    ModelScores evaluate(String name, FoldModel model) {
        long start = System.nanoTime();
        double[] predictions = model.predictsRatings() ? predictions(model) : null;
        double rmse = Double.NaN;
        double mae = Double.NaN;
        int fallbacks = 0;
        if (predictions != null) {
            double[] predicted = new double[split.testRows.length];
            double[] actual = new double[split.testRows.length];
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
            rmse = Metrics.rmse(predicted, actual);
            mae = Metrics.mae(predicted, actual);
        }
        double[] rank = model.ranks() ? ranking(model) : new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        return new ModelScores(name, rmse, mae, predictions == null ? 0 : predictions.length, fallbacks, rank[0], rank[1],
                rank[2], rank[3], rank[4], model.ranks() ? ranked.length : 0, (System.nanoTime() - start) / 1e9);
    }

    /** Normalised predictions for the held-out rows, NaN where the model has none. */
    private double[] predictions(FoldModel model) {
        return Arrays.stream(split.testRows).parallel()
                .mapToDouble(i -> model.predict(split.table.reviewer[i], split.table.film[i])).toArray();
    }

    private double fallback(int reviewer) {
        double m = split.reviewerMean[reviewer];
        return Double.isNaN(m) ? split.globalMean : m;
    }

    /** Mean precision, recall, NDCG and AP over the ranked reviewers, and catalogue coverage. */
    private double[] ranking(FoldModel model) {
        int[][] lists = IntStream.range(0, ranked.length).parallel()
                .mapToObj(j -> model.recommend(ranked[j], K)).toArray(int[][]::new);
        double[] p = new double[ranked.length];
        double[] r = new double[ranked.length];
        double[] n = new double[ranked.length];
        double[] ap = new double[ranked.length];
        boolean[] seen = new boolean[split.table.films];
        int distinct = 0;
        for (int j = 0; j < ranked.length; j++) {
            Set<Integer> rel = relevant.get(ranked[j]);
            p[j] = Metrics.precisionAtK(lists[j], rel, K);
            r[j] = Metrics.recallAtK(lists[j], rel, K);
            n[j] = Metrics.ndcgAtK(lists[j], rel, K);
            ap[j] = Metrics.averagePrecisionAtK(lists[j], rel, K);
            for (int f : lists[j]) {
                if (!seen[f]) {
                    seen[f] = true;
                    distinct++;
                }
            }
        }
        return new double[] {Metrics.mean(p), Metrics.mean(r), Metrics.mean(n), Metrics.mean(ap),
                Metrics.coverage(distinct, split.catalogue.length)};
    }

    /** SplitMix64 finaliser: a seeded, well-spread order of reviewers. */
    static long mix(long x, long seed) {
        long z = x + seed * 0x9E3779B97F4A7C15L + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
