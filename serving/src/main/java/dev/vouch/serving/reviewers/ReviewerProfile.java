package dev.vouch.serving.reviewers;

import java.util.List;

/**
 * A reviewer's profile.
 *
 * @param meanNorm  mean normalised score (0..1), null without scores
 * @param sdNorm    standard deviation of normalised scores, null when unknown
 * @param topTags   most used tags, most frequent first
 * @param bestRated the reviewer's highest-scored films, best first (ties: most recent index order)
 * @param kindred   how many reviewers are listed as agreeing with this one
 * @param globalMeanNorm the model's mean normalised score over all opinions, to tell harsh from generous
 */
public record ReviewerProfile(String id, String name, String role, int nReviews, int nRated, Double meanNorm,
                              Double sdNorm, List<String> topTags, List<RatedFilm> bestRated, int kindred,
                              double globalMeanNorm) {
    /** A film and the reviewer's score on its own scale. */
    public record RatedFilm(String id, String title, Integer year, double score, double scaleMax) {
    }

    public ReviewerProfile {
        topTags = List.copyOf(topTags);
        bestRated = List.copyOf(bestRated);
    }
}
