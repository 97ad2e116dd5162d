package dev.vouch.serving.suggest;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A reader's trust set: reviewers they trust with weights, films seen, their own ratings and liked tags.
 *
 * @param trusted reviewers and positive weights
 * @param seen    film ids the reader has seen (excluded; unknown ids ignored)
 * @param ratings the reader's own scores, on each film's own scale
 * @param tags    tags the reader likes (lower-cased), used by the tag-match fallback
 * @param limit   1..100
 * @param filter  business filters
 * @param aspect  trust the reviewers on this aspect only (their sub-scores for it), or null for overall scores
 */
public record TrustSet(List<Trusted> trusted, Set<String> seen, List<Rating> ratings, List<String> tags, int limit,
                       FilmFilter filter, String aspect) {
    /** The most reviewers a trust set may hold. */
    public static final int MAX_TRUSTED = dev.vouch.engine.Ranker.Request.MAX_TRUSTED;
    /** The most ratings a trust set may hold. */
    public static final int MAX_RATINGS = dev.vouch.engine.Ranker.Request.MAX_RATINGS;

    /** A trusted reviewer and how much the reader trusts them (> 0). */
    public record Trusted(String reviewer, double weight) {
        public Trusted {
            Objects.requireNonNull(reviewer, "reviewer");
        }
    }

    /** One of the reader's own scores on a film, on the film's own scale. */
    public record Rating(String film, double score) {
        public Rating {
            Objects.requireNonNull(film, "film");
        }
    }

    public TrustSet {
        trusted = List.copyOf(trusted);
        seen = Set.copyOf(seen);
        ratings = List.copyOf(ratings);
        tags = tags.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).toList();
        ReviewerQuery.checkLimit(limit);
        filter = filter == null ? FilmFilter.NONE : filter;
        aspect = aspect == null || aspect.isBlank() ? null : aspect.trim().toLowerCase(Locale.ROOT);
    }

    /** A trust set on overall scores. */
    public TrustSet(List<Trusted> trusted, Set<String> seen, List<Rating> ratings, List<String> tags, int limit,
                    FilmFilter filter) {
        this(trusted, seen, ratings, tags, limit, filter, null);
    }
}
