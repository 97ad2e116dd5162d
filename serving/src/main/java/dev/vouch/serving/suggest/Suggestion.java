package dev.vouch.serving.suggest;

import java.util.List;
import java.util.Objects;

/**
 * One suggested film.
 *
 * @param id          film id
 * @param title       film title
 * @param year        release year, or null
 * @param genres      genres
 * @param kind        {@code reviewed}, {@code predicted}, {@code personal}, {@code tag_match} or {@code popular}
 * @param relevance   the ranking value (z units for reviewer views; see the API docs for the others)
 * @param explanation why, in the reviewer's own words and numbers
 */
public record Suggestion(String id, String title, Integer year, List<String> genres, String kind, double relevance,
                         Explanation explanation) {
    public Suggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(explanation, "explanation");
        genres = List.copyOf(genres);
        relevance = Math.round(relevance * 1000) / 1000.0;
    }
}
