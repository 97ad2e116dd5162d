package dev.vouch.jobs.evaluate;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;

/**
 * Every scored opinion of a snapshot, collected to the driver as parallel arrays (the data sets evaluated here hold
 * at most a few hundred thousand ratings). Reviewers and films are the dense indices of explicit index tables;
 * {@code reviewers} and {@code films} are the sizes of those tables.
 */
final class RatingTable {
    /** The columns {@link #of} reads, in this order. */
    static final String[] COLUMNS = {"reviewer_idx", "film_idx", "fold", "rating", "score", "scale_min", "scale_max",
            "inner"};

    final int[] reviewer;
    final int[] film;
    final int[] fold;
    /** score / scale_max, as the model sees it */
    final double[] norm;
    /** score on the source's own scale */
    final double[] score;
    final double[] scaleMin;
    final double[] scaleMax;
    /** in the inner validation split used to tune the ranking ({@link #innerSplit}) */
    final boolean[] inner;
    final int reviewers;
    final int films;

    RatingTable(int[] reviewer, int[] film, int[] fold, double[] norm, double[] score, double[] scaleMin,
                double[] scaleMax, boolean[] inner, int reviewers, int films) {
        int n = reviewer.length;
        if (film.length != n || fold.length != n || norm.length != n || score.length != n || scaleMin.length != n
                || scaleMax.length != n || inner.length != n) {
            throw new IllegalArgumentException("rating columns differ in length");
        }
        this.reviewer = reviewer;
        this.film = film;
        this.fold = fold;
        this.norm = norm;
        this.score = score;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        this.inner = inner;
        this.reviewers = reviewers;
        this.films = films;
    }

    /** From rows holding {@link #COLUMNS}, in that order. */
    static RatingTable of(List<Row> rows, int reviewers, int films) {
        int n = rows.size();
        int[] r = new int[n];
        int[] f = new int[n];
        int[] k = new int[n];
        double[] norm = new double[n];
        double[] score = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        boolean[] inner = new boolean[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            r[i] = row.getInt(0);
            f[i] = row.getInt(1);
            k[i] = row.getInt(2);
            norm[i] = row.getDouble(3);
            score[i] = row.getDouble(4);
            min[i] = row.getDouble(5);
            max[i] = row.getDouble(6);
            inner[i] = row.getBoolean(7);
        }
        return new RatingTable(r, f, k, norm, score, min, max, inner, reviewers, films);
    }

    int size() {
        return reviewer.length;
    }

    /**
     * The training part of {@code fold}, re-split for tuning: its inner-validation rows become fold 0, the rest fold
     * 1. The held-out fold itself is not in it, so nothing tuned here has seen a test rating.
     */
    RatingTable innerSplit(int fold) {
        int[] rows = IntStream.range(0, size()).filter(i -> this.fold[i] != fold).toArray();
        int[] innerFold = Arrays.stream(rows).map(i -> inner[i] ? 0 : 1).toArray();
        boolean[] none = new boolean[rows.length];
        return new RatingTable(pick(reviewer, rows), pick(film, rows), innerFold, pick(norm, rows), pick(score, rows),
                pick(scaleMin, rows), pick(scaleMax, rows), none, reviewers, films);
    }

    /**
     * A normalised prediction on row i's own scale: times scale_max, then clipped to [scale_min, scale_max], since a
     * score below the scale's floor (FilmTrust starts at 0.5) cannot be given.
     */
    double onScale(int i, double predictionNorm) {
        double p = Math.max(0, Math.min(1, predictionNorm)) * scaleMax[i];
        return Math.max(scaleMin[i], Math.min(scaleMax[i], p));
    }

    private static int[] pick(int[] a, int[] rows) {
        return Arrays.stream(rows).map(i -> a[i]).toArray();
    }

    private static double[] pick(double[] a, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> a[i]).toArray();
    }
}
