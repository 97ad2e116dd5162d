package dev.vouch.serving.films;

import dev.vouch.serving.model.Aspect;
import java.util.List;

/**
 * One film with its aggregate numbers.
 *
 * @param meanScore mean score on the film's own scale, null without ratings
 * @param tags      most weighted tags (film_tags), heaviest first
 * @param aspects   mean aspect sub-scores on the film's scale
 * @param opinions  the opinions of the reviewers asked for ({@code ?reviewer=}), in the order asked; reviewers
 *                  without an opinion of this film are left out; null when none were asked for
 */
public record FilmDetail(String id, String title, Integer year, List<String> genres, double scaleMax, int nRatings,
                         Double meanScore, List<String> tags, List<AspectMean> aspects, List<Opinion> opinions) {
    /** Mean sub-score of one aspect, on the film's own scale, over n opinions. */
    public record AspectMean(String name, double meanScore, int n) {
    }

    /** One reviewer's opinion as written: score (null when only tagged), aspect sub-scores and tags. */
    public record Opinion(String reviewer, String reviewerName, Double score, double scaleMax, List<Aspect> aspects,
                          List<String> tags) {
        public Opinion {
            aspects = List.copyOf(aspects);
            tags = List.copyOf(tags);
        }
    }

    public FilmDetail {
        genres = List.copyOf(genres);
        tags = List.copyOf(tags);
        aspects = List.copyOf(aspects);
        opinions = opinions == null ? null : List.copyOf(opinions);
    }
}
