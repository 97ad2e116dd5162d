package dev.vouch.jobs.evaluate;

import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.train.TrainParams;

/**
 * Everything that decides an evaluation's numbers, validated once and written beside them in metrics.json.
 *
 * @param folds           k of k-fold cross-validation, 2..20
 * @param seed            seed of the fold assignment, the reviewer sample and training (ALS init, search split)
 * @param train           training parameters; when {@code train.search()} is on, rank and reg-param are searched
 *                        once, on the training part of fold 1, and the chosen values are used on every fold
 * @param maxRanked       test reviewers whose top 10 is scored per fold: all when there are fewer, else a seeded
 *                        sample of this many, the same for every model (bounds Mahout's ranking cost)
 */
public record EvaluateParams(int folds, long seed, TrainParams train, int maxRanked) {
    public static final int DEFAULT_FOLDS = 5;
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_MAX_RANKED = 500;

    public EvaluateParams {
        if (folds < 2 || folds > 20) {
            throw new VouchException("--folds must be in 2..20, got " + folds);
        }
        if (maxRanked < 1) {
            throw new VouchException("--max-ranked must be at least 1, got " + maxRanked);
        }
        if (train == null) {
            throw new VouchException("training parameters are missing");
        }
    }
}
