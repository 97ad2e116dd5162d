package dev.vouch.serving.suggest;

import java.util.List;

/**
 * Why a film is suggested, in the trusted reviewer's own words and numbers, plus one short human sentence.
 * Fields that do not apply to a kind are null (and left out of the JSON).
 *
 * @param kind            {@code reviewed}, {@code predicted}, {@code personal}, {@code tag_match} or {@code popular}
 * @param reviewer        id of the reviewer whose view this is (reviewed, predicted)
 * @param reviewerName    their display name
 * @param score           the reviewer's score as written (reviewed)
 * @param scaleMax        the film's scale, for every score shown
 * @param predicted       predicted score on the film's scale (predicted, personal)
 * @param aspects         the reviewer's aspect sub-scores on this film
 * @param tags            the reviewer's tags on this film, or the reader's tags it matched (tag_match)
 * @param supporters      reviewers who agree with R (kindred) and rated the film
 * @param supportersMean  their mean score on the film's scale
 * @param ratings         number of ratings behind a popular or personal pick
 * @param meanScore       the film's mean score on its scale (popular)
 * @param watchedBySimilar true when the ranking leaned mostly on "readers with this taste watched it" (the implicit
 *                        model) rather than on a predicted score (predicted, personal); null otherwise
 * @param sentence        one short sentence for people
 */
public record Explanation(String kind, String reviewer, String reviewerName, Double score, Double scaleMax,
                          Double predicted, List<AspectScore> aspects, List<String> tags, Integer supporters,
                          Double supportersMean, Integer ratings, Double meanScore, Boolean watchedBySimilar,
                          String sentence) {

    /** One aspect sub-score as the reviewer wrote it. */
    public record AspectScore(String name, double score, double max) {
    }

    public Explanation {
        aspects = aspects == null ? null : List.copyOf(aspects);
        tags = tags == null ? null : List.copyOf(tags);
        if (kind == null || sentence == null) {
            throw new IllegalArgumentException("an explanation needs a kind and a sentence");
        }
    }
}
