package dev.vouch.serving.suggest;

/**
 * The recommender that the HTTP layer depends on. Each call answers from one model version.
 */
public interface Recommender {
    /**
     * Films ranked by what R thinks of them: films R scored (weighed against R's own habits) and films R has not
     * scored but is predicted to like, together, best first; only films R rates above R's own average (z > 0).
     * With an aspect, films R gave that aspect a sub-score, by that sub-score.
     *
     * @throws dev.vouch.serving.model.UnknownIdException  when the model lacks R
     * @throws InvalidQueryException   when the aspect appears nowhere in the model
     * @throws dev.vouch.serving.model.ModelNotReadyException before a model is loaded
     */
    SuggestionList forReviewer(ReviewerQuery query);

    /**
     * Films for a reader's trust set, filled in this order until the limit is reached: trusted picks (the trusted
     * reviewers' views blended by weight, with the reader's own ratings folded in), then films matching the
     * reader's tags, then popular films. Films seen or rated by the reader are never suggested.
     *
     * @throws dev.vouch.serving.model.UnknownIdException when a trusted reviewer or a rated film is unknown
     */
    SuggestionList forTrustSet(TrustSet trustSet);
}
