package dev.vouch.jobs.train;

import dev.vouch.jobs.common.VouchException;
import java.util.List;

/**
 * Every hyperparameter of training, declared once with its default and validated here (like Spark ML Params).
 * Scores are normalised (score / scale max), so the defaults hold across rating scales.
 *
 * @param rank           ALS factor count; {@code ranks} is the grid searched when {@code search} is on
 * @param regParam       ALS regularisation (ALS-WR: scaled by each reviewer's and film's rating count)
 * @param maxIter        ALS iterations
 * @param biasReg        damping of reviewer and film biases, in pseudo-ratings (a film with n ratings keeps
 *                       n / (n + biasReg) of its mean offset)
 * @param search         choose rank and regParam by a search on a validation split of the training data only
 * @param validationFraction share of training ratings held out for the search
 * @param maxLikedPerReviewer cap on one reviewer's liked films in LLR co-occurrence (seeded down-sampling keeps the
 *                       pair count linear, as Mahout's and the Universal Recommender's cross-occurrence jobs do)
 * @param topSimilar     similar films and kindred reviewers kept per film / reviewer
 * @param seed           the seed of every random choice in training (ALS init, splits, down-sampling)
 * @param implicit       the implicit-feedback model trained beside the explicit one ({@link ImplicitParams})
 */
public record TrainParams(int rank, double regParam, int maxIter, double biasReg, boolean search,
                          List<Integer> ranks, List<Double> regParams, double validationFraction,
                          int maxLikedPerReviewer, int topSimilar, long seed, ImplicitParams implicit) {

    /** ALS rank when the search is off. */
    public static final int DEFAULT_RANK = 24;
    /** ALS regularisation when the search is off. */
    public static final double DEFAULT_REG = 0.03;
    /** ALS iterations of the final fit (the search runs two thirds of them). */
    public static final int DEFAULT_MAX_ITER = 12;
    /** Bias damping, in pseudo-ratings. */
    public static final double DEFAULT_BIAS_REG = 5.0;
    /** Whether rank and regularisation are searched. */
    public static final boolean DEFAULT_SEARCH = true;
    /** Ranks the search tries. */
    public static final List<Integer> DEFAULT_RANKS = List.of(16, 32);
    /** Regularisations the search tries. */
    public static final List<Double> DEFAULT_REGS = List.of(0.03, 0.05);
    /** Share of training ratings the search holds out. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    /** Liked films per reviewer in LLR co-occurrence. */
    public static final int DEFAULT_MAX_LIKED_PER_REVIEWER = 60;
    /** Similar films and kindred reviewers kept. */
    public static final int DEFAULT_TOP_SIMILAR = 20;
    /** The seed of every random choice. */
    public static final long DEFAULT_SEED = 42L;

    public TrainParams {
        ranks = List.copyOf(ranks);
        regParams = List.copyOf(regParams);
        check(rank >= 1 && rank <= 500, "rank must be in 1..500, got " + rank);
        check(regParam >= 0, "reg-param must be >= 0, got " + regParam);
        check(maxIter >= 1 && maxIter <= 50, "max-iter must be in 1..50, got " + maxIter);
        check(biasReg >= 0, "bias-reg must be >= 0, got " + biasReg);
        check(!ranks.isEmpty() && ranks.stream().allMatch(r -> r >= 1 && r <= 500), "ranks must be in 1..500");
        check(!regParams.isEmpty() && regParams.stream().allMatch(r -> r >= 0), "reg-params must be >= 0");
        check(validationFraction > 0 && validationFraction < 0.5, "validation fraction must be in (0, 0.5)");
        check(maxLikedPerReviewer >= 2, "max liked per reviewer must be >= 2");
        check(topSimilar >= 1 && topSimilar <= 200, "top similar must be in 1..200");
        check(implicit != null, "implicit parameters are missing");
    }

    public static TrainParams defaults() {
        return new TrainParams(DEFAULT_RANK, DEFAULT_REG, DEFAULT_MAX_ITER, DEFAULT_BIAS_REG, DEFAULT_SEARCH,
                DEFAULT_RANKS, DEFAULT_REGS, DEFAULT_VALIDATION_FRACTION, DEFAULT_MAX_LIKED_PER_REVIEWER,
                DEFAULT_TOP_SIMILAR, DEFAULT_SEED, ImplicitParams.defaults());
    }

    public TrainParams withChosen(int chosenRank, double chosenReg) {
        return new TrainParams(chosenRank, chosenReg, maxIter, biasReg, false, ranks, regParams, validationFraction,
                maxLikedPerReviewer, topSimilar, seed, implicit);
    }

    public TrainParams withImplicit(ImplicitParams chosen) {
        return new TrainParams(rank, regParam, maxIter, biasReg, search, ranks, regParams, validationFraction,
                maxLikedPerReviewer, topSimilar, seed, chosen);
    }

    public TrainParams withSearch(boolean on) {
        return new TrainParams(rank, regParam, maxIter, biasReg, on, ranks, regParams, validationFraction,
                maxLikedPerReviewer, topSimilar, seed, implicit);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new VouchException(message);
        }
    }
}
