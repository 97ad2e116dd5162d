package dev.vouch.jobs.evaluate;

import java.util.List;

/**
 * Everything measured on one fold.
 *
 * @param fold       0-based fold number (reports show it 1-based)
 * @param trust      null when the data set has no trust edges between raters
 * @param fitSeconds time to fit our model on the fold's training ratings
 */
record FoldOutcome(int fold, int trainRatings, int testRatings, int rankedReviewers, double fitSeconds,
                   List<ModelScores> models, TrustScores trust) {
    FoldOutcome {
        models = List.copyOf(models);
    }
}
