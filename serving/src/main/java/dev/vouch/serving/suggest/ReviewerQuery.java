package dev.vouch.serving.suggest;

import java.util.Locale;
import java.util.Objects;

/**
 * "I trust reviewer R: what should I watch?"
 *
 * @param reviewerId R
 * @param limit      1..100
 * @param filter     business filters
 * @param aspect     rank by R's sub-scores for this aspect (lower-cased), or null for R's overall view
 */
public record ReviewerQuery(String reviewerId, int limit, FilmFilter filter, String aspect) {
    public static final int MAX_LIMIT = 100;

    public ReviewerQuery {
        Objects.requireNonNull(reviewerId, "reviewerId");
        checkLimit(limit);
        filter = filter == null ? FilmFilter.NONE : filter;
        aspect = aspect == null || aspect.isBlank() ? null : aspect.trim().toLowerCase(Locale.ROOT);
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}
