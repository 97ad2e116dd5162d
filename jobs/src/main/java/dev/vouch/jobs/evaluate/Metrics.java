package dev.vouch.jobs.evaluate;

import java.util.Set;

/**
 * Evaluation metrics as pure functions. Rating errors are on the data set's own scale (the caller converts), so the
 * numbers compare with published tables. Ranking metrics use binary relevance: a film either is in the reviewer's
 * relevant held-out set or is not. A ranked list may be shorter than {@code k}; missing places count as misses.
 */
public final class Metrics {
    private Metrics() {}

    /** Root mean squared error; NaN for no pairs. */
    public static double rmse(double[] predicted, double[] actual) {
        checkSameLength(predicted, actual);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double e = predicted[i] - actual[i];
            sum += e * e;
        }
        return predicted.length == 0 ? Double.NaN : Math.sqrt(sum / predicted.length);
    }

    /** Mean absolute error; NaN for no pairs. */
    public static double mae(double[] predicted, double[] actual) {
        checkSameLength(predicted, actual);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += Math.abs(predicted[i] - actual[i]);
        }
        return predicted.length == 0 ? Double.NaN : sum / predicted.length;
    }

    /** Relevant films among the first {@code k} places, divided by {@code k} (not by the list's length). */
    public static double precisionAtK(int[] ranked, Set<Integer> relevant, int k) {
        checkK(k);
        return hits(ranked, relevant, k) / (double) k;
    }

    /** Relevant films among the first {@code k} places, divided by the number of relevant films; NaN if none. */
    public static double recallAtK(int[] ranked, Set<Integer> relevant, int k) {
        checkK(k);
        return relevant.isEmpty() ? Double.NaN : hits(ranked, relevant, k) / (double) relevant.size();
    }

    /**
     * Normalised discounted cumulative gain: a hit at 1-based place i gains 1/log2(i+1); divided by the gain of an
     * ideal list, which puts min(|relevant|, k) hits first. NaN when nothing is relevant.
     */
    public static double ndcgAtK(int[] ranked, Set<Integer> relevant, int k) {
        checkK(k);
        if (relevant.isEmpty()) {
            return Double.NaN;
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (relevant.contains(ranked[i])) {
                dcg += discount(i);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += discount(i);
        }
        return dcg / ideal;
    }

    /**
     * Average precision at k: the mean of precision@i over the places i ≤ k that hold a hit, normalised by
     * min(|relevant|, k) so that a perfect list scores 1 even when more than k films are relevant. MAP is its mean
     * over reviewers. NaN when nothing is relevant.
     */
    public static double averagePrecisionAtK(int[] ranked, Set<Integer> relevant, int k) {
        checkK(k);
        if (relevant.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (relevant.contains(ranked[i])) {
                hits++;
                sum += hits / (double) (i + 1);
            }
        }
        return sum / Math.min(relevant.size(), k);
    }

    /** 1 when any of the first {@code k} places holds a relevant film, else 0. */
    public static double hitAtK(int[] ranked, Set<Integer> relevant, int k) {
        checkK(k);
        return hits(ranked, relevant, k) > 0 ? 1 : 0;
    }

    /** Catalogue coverage: distinct films recommended to anyone, as a share of the films that could be. */
    public static double coverage(int distinctRecommended, int catalogueSize) {
        if (distinctRecommended < 0 || distinctRecommended > catalogueSize) {
            throw new IllegalArgumentException("recommended " + distinctRecommended + " of " + catalogueSize);
        }
        return catalogueSize == 0 ? Double.NaN : distinctRecommended / (double) catalogueSize;
    }

    /** Mean of the values that are not NaN; NaN when there are none. */
    public static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Sample standard deviation (n − 1) of the values that are not NaN; NaN for fewer than two. */
    public static double sd(double[] values) {
        double m = mean(values);
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += (v - m) * (v - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(sum / (n - 1));
    }

    private static int hits(int[] ranked, Set<Integer> relevant, int k) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (relevant.contains(ranked[i])) {
                hits++;
            }
        }
        return hits;
    }

    private static double discount(int zeroBasedPlace) {
        return 1 / (Math.log(zeroBasedPlace + 2) / Math.log(2));
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
    }

    private static void checkSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("predicted and actual differ in length: " + a.length + " vs " + b.length);
        }
    }
}
