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

    /** What a trusted reviewer said about a film: who, their sub-scores and tags, and the kindred who agree. */
    record Evidence(String reviewer, String reviewerName, List<AspectScore> aspects, List<String> tags,
                    Integer supporters, Double supportersMean) {
    }

    /** The trusted reviewer scored the film (score null: an aspect pick without an overall score). */
    static Explanation reviewed(Evidence e, Double score, double scaleMax, String sentence) {
        return new Explanation("reviewed", e.reviewer(), e.reviewerName(), score, scaleMax, null, e.aspects(), e.tags(),
                e.supporters(), e.supportersMean(), null, null, null, sentence);
    }

    /** Predicted from the trusted reviewer's taste, or watched by readers with it. */
    static Explanation predicted(Evidence e, double scaleMax, Double predicted, boolean watchedBySimilar,
                                 String sentence) {
        return new Explanation("predicted", e.reviewer(), e.reviewerName(), null, scaleMax, predicted, e.aspects(),
                e.tags(), e.supporters(), e.supportersMean(), null, null, watchedBySimilar, sentence);
    }

    /** Predicted from the reader's own ratings. */
    static Explanation personal(double scaleMax, Double predicted, int ratings, boolean watchedBySimilar,
                                String sentence) {
        return new Explanation("personal", null, null, null, scaleMax, predicted, null, null, null, null, ratings, null,
                watchedBySimilar, sentence);
    }

    /** Matches the reader's tags. */
    static Explanation tagMatch(List<String> matched, String sentence) {
        return new Explanation("tag_match", null, null, null, null, null, null, matched, null, null, null, null, null,
                sentence);
    }

    /** Popular with reviewers: how many rated it, and their mean on the film's scale. */
    static Explanation popular(double scaleMax, int ratings, Double meanScore, String sentence) {
        return new Explanation("popular", null, null, null, scaleMax, null, null, null, null, null, ratings, meanScore,
                null, sentence);
    }

    public Explanation {
        aspects = aspects == null ? null : List.copyOf(aspects);
        tags = tags == null ? null : List.copyOf(tags);
        if (kind == null || sentence == null) {
            throw new IllegalArgumentException("an explanation needs a kind and a sentence");
        }
    }
}
