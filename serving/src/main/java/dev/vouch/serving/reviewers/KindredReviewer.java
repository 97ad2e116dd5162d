package dev.vouch.serving.reviewers;

/**
 * A reviewer who agrees with another.
 *
 * @param score     ranking score (best first)
 * @param llr       log-likelihood ratio over co-liked films
 * @param coRated   films both scored
 * @param agreement 1 − mean |Δ score_norm| over co-rated films
 */
public record KindredReviewer(String id, String name, double score, double llr, int coRated, double agreement) {
}
