package dev.vouch.jobs.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fold of k-fold cross-validation, on the driver: the held-out rows, and what every model may know of the
 * training rows (per-reviewer films and ratings, means, popularity). Nothing here looks at a held-out rating except
 * {@link #relevant}, which defines the ground truth for ranking.
 *
 * <p>Reviewers marked as readers are held out of training whole: their rows outside the fold are not training rows
 * (no popularity, no mean of the data set) but the ratings they fold in ({@link #trainFilms} still lists them).
 */
final class FoldSplit {
    final RatingTable table;
    final int fold;
    final int[] testRows;
    final int trainSize;
    /** per reviewer: training films, sorted ascending, and their normalised ratings in the same order */
    final int[][] trainFilms;
    final double[][] trainRatings;
    /** per reviewer: mean and population sd of normalised training ratings; NaN without training ratings */
    final double[] reviewerMean;
    final double[] reviewerSd;
    /** per film: number of training ratings */
    final int[] filmCount;
    /** films with at least one training rating: the candidates every model ranks, ascending */
    final int[] catalogue;
    final double globalMean;

    FoldSplit(RatingTable table, int fold) {
        this(table, fold, new boolean[table.reviewers]);
    }

    FoldSplit(RatingTable table, int fold, boolean[] readers) {
        this.table = table;
        this.fold = fold;
        List<List<double[]>> byReviewer = new ArrayList<>();
        for (int r = 0; r < table.reviewers; r++) {
            byReviewer.add(new ArrayList<>());
        }
        filmCount = new int[table.films];
        int[] test = new int[table.size()];
        int nTest = 0;
        int nTrain = 0;
        double sum = 0;
        for (int i = 0; i < table.size(); i++) {
            if (table.fold[i] == fold) {
                test[nTest++] = i;
            } else {
                byReviewer.get(table.reviewer[i]).add(new double[] {table.film[i], table.norm[i]});
                if (!readers[table.reviewer[i]]) {
                    filmCount[table.film[i]]++;
                    sum += table.norm[i];
                    nTrain++;
                }
            }
        }
        testRows = Arrays.copyOf(test, nTest);
        trainSize = nTrain;
        globalMean = trainSize == 0 ? Double.NaN : sum / trainSize;
        trainFilms = new int[table.reviewers][];
        trainRatings = new double[table.reviewers][];
        reviewerMean = new double[table.reviewers];
        reviewerSd = new double[table.reviewers];
        for (int r = 0; r < table.reviewers; r++) {
            fillReviewer(r, byReviewer.get(r));
        }
        catalogue = java.util.stream.IntStream.range(0, table.films).filter(f -> filmCount[f] > 0).toArray();
    }

    private void fillReviewer(int r, List<double[]> rated) {
        rated.sort((a, b) -> Double.compare(a[0], b[0]));
        trainFilms[r] = rated.stream().mapToInt(a -> (int) a[0]).toArray();
        trainRatings[r] = rated.stream().mapToDouble(a -> a[1]).toArray();
        double mean = Metrics.mean(trainRatings[r]);
        double sq = 0;
        for (double v : trainRatings[r]) {
            sq += (v - mean) * (v - mean);
        }
        reviewerMean[r] = mean;
        reviewerSd[r] = rated.isEmpty() ? Double.NaN : Math.sqrt(sq / rated.size());
    }

    boolean ratedInTraining(int reviewer, int film) {
        return Arrays.binarySearch(trainFilms[reviewer], film) >= 0;
    }

    /**
     * The ground truth for ranking: per reviewer who has training ratings, the held-out films rated at or above
     * {@code threshold} (score_norm: 0.75 is 4 of 5 stars rounded as MovieLens rates, 3 of 4 on FilmTrust). Reviewers
     * with no such film are left out, as are reviewers with no training ratings. Keys ascending.
     */
    Map<Integer, Set<Integer>> relevant(double threshold) {
        Map<Integer, Set<Integer>> out = new LinkedHashMap<>();
        int[] sorted = Arrays.stream(testRows).boxed()
                .sorted((a, b) -> Integer.compare(table.reviewer[a], table.reviewer[b]))
                .mapToInt(Integer::intValue).toArray();
        for (int i : sorted) {
            int r = table.reviewer[i];
            if (!Double.isNaN(reviewerMean[r]) && table.norm[i] >= threshold - 1e-9) {
                out.computeIfAbsent(r, x -> new HashSet<>()).add(table.film[i]);
            }
        }
        return out;
    }
}
