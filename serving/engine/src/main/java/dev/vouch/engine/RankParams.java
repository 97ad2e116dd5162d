package dev.vouch.engine;

/**
 * How the engine ranks: the blend's weights (tuned on an inner split by the training job) and what the reader fold-in
 * needs to repeat training's solves. Published in the manifest's {@code ranking} object (docs/DATA.md).
 *
 * <p>A source's view of a film (a trusted reviewer, or the reader folded in) is
 * {@code implicitWeight · watch + ratingWeight · z}: {@code watch} is the implicit model's belief that the source
 * would watch the film (1 for a film the source reviewed), {@code z} the source's enthusiasm in their own standard
 * deviations (their real score, or the explicit model's prediction). The list ranks by
 * {@code popularityWeight · log(1 + n_ratings) + Σ wᵢ·viewᵢ / Σ wᵢ}.
 *
 * @param implicitWeight   weight of the implicit (who-watched-what) score; ≥ 0
 * @param ratingWeight     weight of the rating z-score; ≥ 0
 * @param popularityWeight weight of log(1 + the film's training ratings); ≥ 0
 * @param personalHalf     the reader's ratings at which the reader weighs as much as all trusted reviewers together;
 *                         the reader's weight is {@code trusted · n / personalHalf}; &gt; 0
 * @param regParam         explicit ALS regularisation λ, scaled by the ratings as ALS-WR does (fold-in)
 * @param biasReg          damping of a folded-in reader's bias
 * @param implicitReg      implicit ALS regularisation λ (scaled by the films watched, as Spark does)
 * @param implicitAlpha    implicit ALS confidence: a watched film counts {@code 1 + alpha}
 * @param implicitFromRatings the confidence is {@code 1 + alpha · max(score_norm, MIN_CONFIDENCE)} instead
 */
public record RankParams(double implicitWeight, double ratingWeight, double popularityWeight, double personalHalf,
                         double regParam, double biasReg, double implicitReg, double implicitAlpha,
                         boolean implicitFromRatings) implements java.io.Serializable {
    /** Floor of a rating-weighted confidence (as the training job uses). */
    public static final double MIN_CONFIDENCE = 0.05;

    /** Weights used when a model carries none (the training job always writes tuned ones). */
    public static final double DEFAULT_IMPLICIT_WEIGHT = 1.0;
    public static final double DEFAULT_RATING_WEIGHT = 0.1;
    public static final double DEFAULT_POPULARITY_WEIGHT = 0.0;
    public static final double DEFAULT_PERSONAL_HALF = 5.0;

    public RankParams {
        nonNegative("implicit_weight", implicitWeight);
        nonNegative("rating_weight", ratingWeight);
        nonNegative("popularity_weight", popularityWeight);
        positive("personal_half", personalHalf);
        nonNegative("reg_param", regParam);
        nonNegative("bias_reg", biasReg);
        positive("implicit_reg_param", implicitReg);
        nonNegative("implicit_alpha", implicitAlpha);
        if (implicitWeight == 0 && ratingWeight == 0) {
            throw new IllegalArgumentException("implicit_weight and rating_weight cannot both be 0");
        }
    }

    /** The same fold-in settings with other blend weights. */
    public RankParams withWeights(double implicit, double rating, double popularity, double half) {
        return new RankParams(implicit, rating, popularity, half, regParam, biasReg, implicitReg, implicitAlpha,
                implicitFromRatings);
    }

    /** The same weights for another implicit model (its confidence settings). */
    public RankParams withImplicit(double reg, double alpha, boolean fromRatings) {
        return new RankParams(implicitWeight, ratingWeight, popularityWeight, personalHalf, regParam, biasReg, reg,
                alpha, fromRatings);
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, was " + v);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + v);
        }
    }
}
