package dev.vouch.serving.films;

import java.util.List;

/**
 * Films similar to one film, by three measures, each best first.
 *
 * @param coLiked    LLR over reviewers who liked both (similar_films kind co_liked)
 * @param sharedTags LLR over tags given to both (kind shared_tags)
 * @param vectors    cosine similarity of the ALS item vectors
 */
public record SimilarFilms(String modelVersion, FilmHit film, List<Similar> coLiked, List<Similar> sharedTags,
                           List<Similar> vectors) {
    /** One similar film and its score under that measure. */
    public record Similar(String id, String title, Integer year, double score) {
    }

    public SimilarFilms {
        coLiked = List.copyOf(coLiked);
        sharedTags = List.copyOf(sharedTags);
        vectors = List.copyOf(vectors);
    }
}
