package dev.vouch.jobs.evaluate;

/**
 * One model's metrics on one fold. Errors are on the data set's own scale. NaN means "not applicable": rating
 * metrics of a model that predicts no ratings (popularity), ranking metrics of one that cannot rank (global mean).
 *
 * @param predicted       held-out pairs scored for RMSE/MAE (all of the fold's)
 * @param fallbacks       of those, pairs the model had no estimate for, predicted with the reviewer's training mean
 *                        (the global mean for a reviewer without training ratings)
 * @param rankedReviewers reviewers whose top-10 was scored (the same reviewers for every model of a fold)
 * @param coverage        distinct films in anyone's top-10 / films with a training rating in the fold
 * @param seconds         time to score this model on the fold (fitting excluded)
 */
record ModelScores(String model, double rmse, double mae, int predicted, int fallbacks, double precisionAt10,
                   double recallAt10, double ndcgAt10, double map, double coverage, int rankedReviewers,
                   double seconds) {}
