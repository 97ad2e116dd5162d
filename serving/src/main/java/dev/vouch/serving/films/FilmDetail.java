package dev.vouch.serving.films;

import java.util.List;

/**
 * One film with its aggregate numbers.
 *
 * @param meanScore mean score on the film's own scale, null without ratings
 * @param tags      most weighted tags (film_tags), heaviest first
 * @param aspects   mean aspect sub-scores on the film's scale
 */
public record FilmDetail(String id, String title, Integer year, List<String> genres, double scaleMax, int nRatings,
                         Double meanScore, List<String> tags, List<AspectMean> aspects) {
    /** Mean sub-score of one aspect, on the film's own scale, over n opinions. */
    public record AspectMean(String name, double meanScore, int n) {
    }

    public FilmDetail {
        genres = List.copyOf(genres);
        tags = List.copyOf(tags);
        aspects = List.copyOf(aspects);
    }
}
