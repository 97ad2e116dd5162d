package dev.vouch.jobs.evaluate;

import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.train.TrainParams;

/**
 * Everything that decides an evaluation's numbers, validated once and written beside them in metrics.json.
 *
 * @param folds        k of k-fold cross-validation, 2..20
 * @param seed         seed of the fold assignment, the samples and training (ALS init, search split)
 * @param train        training parameters; when {@code train.search()} is on, rank and reg-param are searched once,
 *                     on the training part of fold 1, and the chosen values are used on every fold
 * @param maxRanked    known reviewers ranked per fold: all when there are fewer, else a seeded sample
 * @param mahoutRanked reviewers Mahout's recommender ranks per fold: all when there are fewer, else a seeded sample
 * @param relevantAt   a held-out rating is relevant at or above this score_norm
 * @param readersShare share of reviewers held out whole per fold as anonymous readers; 0 skips them
 * @param maxEdges     trust edges scored per fold (seeded sample beyond it)
 * @param publishFold  when set, fold 1's model is also published here and the lists it answered are written
 *                     beside the report, so serving can be checked against them
 * @param criticsOnly  measure only the critics scenarios (trust recovery, wisdom of the few): no search, no inner
 *                     tuning (the default blend weights), one fit per fold
 */
public record EvaluateParams(int folds, long seed, TrainParams train, int maxRanked, int mahoutRanked,
                             double relevantAt, double readersShare, int maxEdges, String publishFold,
                             boolean criticsOnly) {
    public static final int DEFAULT_FOLDS = 5;
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_MAX_RANKED = 100_000;
    public static final int DEFAULT_MAHOUT_RANKED = 100_000;
    public static final double DEFAULT_READERS_SHARE = 0.1;
    public static final int DEFAULT_MAX_EDGES = 5_000;

    public EvaluateParams {
        if (folds < 2 || folds > 20) {
            throw new VouchException("--folds must be in 2..20, got " + folds);
        }
        if (maxRanked < 1 || mahoutRanked < 0) {
            throw new VouchException("--max-ranked must be at least 1 and --mahout-ranked at least 0");
        }
        if (!(relevantAt > 0 && relevantAt <= 1)) {
            throw new VouchException("--relevant-at must be in (0, 1], got " + relevantAt);
        }
        if (!(readersShare >= 0 && readersShare <= 0.5)) {
            throw new VouchException("--readers-share must be in [0, 0.5], got " + readersShare);
        }
        if (maxEdges < 1) {
            throw new VouchException("--max-edges must be at least 1, got " + maxEdges);
        }
        if (train == null) {
            throw new VouchException("training parameters are missing");
        }
    }

    /** Every scenario. */
    public EvaluateParams(int folds, long seed, TrainParams train, int maxRanked, int mahoutRanked, double relevantAt,
                          double readersShare, int maxEdges, String publishFold) {
        this(folds, seed, train, maxRanked, mahoutRanked, relevantAt, readersShare, maxEdges, publishFold, false);
    }
}
