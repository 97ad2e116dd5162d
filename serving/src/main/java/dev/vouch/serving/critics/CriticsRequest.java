package dev.vouch.serving.critics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /api/critics/match}: the reader's ratings, and how to match.
 *
 * @param ratings    the reader's scores on each film's own scale, with optional aspect sub-scores (same scale)
 * @param aspect     match on this aspect's sub-scores only (lower case), or null for overall scores
 * @param limit      1..100
 * @param minCoRated list only reviewers with at least this many co-rated films (≥ 1)
 */
public record CriticsRequest(List<Rating> ratings, String aspect, int limit, int minCoRated) {
    /** One of the reader's scores; {@code aspects} maps an aspect name to a sub-score, empty when none. */
    public record Rating(String film, double score, Map<String, Double> aspects) {
        public Rating {
            Objects.requireNonNull(film, "film");
            aspects = Map.copyOf(aspects);
        }
    }

    public CriticsRequest {
        ratings = List.copyOf(ratings);
    }
}
