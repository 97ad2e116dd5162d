package dev.vouch.jobs.train;

import dev.vouch.jobs.common.VouchException;
import java.util.List;

/**
 * The implicit-feedback model's hyperparameters: Spark ALS with {@code implicitPrefs} on who rated what (every
 * opinion counts 1, so a watched film has confidence {@code 1 + alpha}).
 *
 * @param rank     factor count
 * @param alpha    confidence of a watched film: {@code 1 + alpha}, or {@code 1 + alpha · score_norm} with
 *                 {@code fromRatings}
 * @param fromRatings weigh each watched film's confidence by its normalised score, so the model learns what people
 *                 watch and like (ours); without it every opinion counts the same (Spark's implicit ALS as the peer
 *                 runs it)
 * @param regParam regularisation λ (Spark scales it by each reviewer's and film's count)
 * @param maxIter  ALS iterations
 * @param ranks    ranks searched by {@code vouch evaluate} for the implicit ALS peer (its choice is then used by ours)
 * @param alphas   alphas searched likewise
 * @param regs     regularisations tried for our implicit model by {@code vouch evaluate} (the peer keeps
 *                 {@link #DEFAULT_REG}, as Spark's peer protocol has it)
 */
public record ImplicitParams(int rank, double alpha, boolean fromRatings, double regParam, int maxIter,
                             List<Integer> ranks, List<Double> alphas, List<Double> regs) {
    /** Factor count. */
    public static final int DEFAULT_RANK = 32;
    /** Confidence of a watched film. */
    public static final double DEFAULT_ALPHA = 5.0;
    /** Confidence grows with the score ("rating"), rather than every opinion alike ("watched"). */
    public static final boolean DEFAULT_FROM_RATINGS = true;
    /** Regularisation. */
    public static final double DEFAULT_REG = 0.1;
    /** ALS iterations. */
    public static final int DEFAULT_MAX_ITER = 15;
    /** Ranks {@code vouch evaluate} tries for the peer. */
    public static final List<Integer> DEFAULT_RANKS = List.of(32, 64);
    /** Alphas {@code vouch evaluate} tries. */
    public static final List<Double> DEFAULT_ALPHAS = List.of(1.0, 5.0, 20.0);

    public ImplicitParams {
        ranks = List.copyOf(ranks);
        alphas = List.copyOf(alphas);
        regs = List.copyOf(regs);
        check(rank >= 1 && rank <= 500, "implicit rank must be in 1..500, got " + rank);
        check(alpha >= 0 && Double.isFinite(alpha), "implicit alpha must be >= 0, got " + alpha);
        check(regParam > 0 && Double.isFinite(regParam), "implicit reg-param must be > 0, got " + regParam);
        check(maxIter >= 1 && maxIter <= 50, "implicit max-iter must be in 1..50, got " + maxIter);
        check(!ranks.isEmpty() && ranks.stream().allMatch(r -> r >= 1 && r <= 500), "implicit ranks must be in 1..500");
        check(!alphas.isEmpty() && alphas.stream().allMatch(a -> a >= 0), "implicit alphas must be >= 0");
        check(!regs.isEmpty() && regs.stream().allMatch(r -> r > 0), "implicit reg-params must be > 0");
    }

    public static ImplicitParams defaults() {
        return new ImplicitParams(DEFAULT_RANK, DEFAULT_ALPHA, DEFAULT_FROM_RATINGS, DEFAULT_REG, DEFAULT_MAX_ITER,
                DEFAULT_RANKS, DEFAULT_ALPHAS, List.of(DEFAULT_REG));
    }

    public ImplicitParams withChosen(int chosenRank, double chosenAlpha, boolean chosenFromRatings) {
        return new ImplicitParams(chosenRank, chosenAlpha, chosenFromRatings, regParam, maxIter, ranks, alphas, regs);
    }

    public ImplicitParams withReg(double reg) {
        return new ImplicitParams(rank, alpha, fromRatings, reg, maxIter, ranks, alphas, regs);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new VouchException(message);
        }
    }
}
