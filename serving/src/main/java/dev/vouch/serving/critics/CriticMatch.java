package dev.vouch.serving.critics;

import java.util.List;

/**
 * A reviewer who shares (or does not share) the asker's taste, with the record to prove it.
 *
 * @param agreement    mean per-film agreement of the two enthusiasms (z on each side's own habits), in [0, 1]
 * @param coRated      films both scored
 * @param match        agreement shrunk by co-rated films ({@code agreement · n / (n + 50)}): the ranking key
 * @param aspects      agreement on each aspect both sides gave sub-scores for, by name
 * @param evidence     up to 3 co-rated films where the two agreed best, the asker's favourites first among equals
 * @param disagreement the co-rated film where they disagreed most, when they disagreed on one (else null)
 */
public record CriticMatch(String reviewer, String name, double agreement, int coRated, double match,
                          List<AspectAgreement> aspects, List<Evidence> evidence, Evidence disagreement) {
    public CriticMatch {
        aspects = List.copyOf(aspects);
        evidence = List.copyOf(evidence);
    }

    /** Agreement on one aspect over the films where both gave that aspect a sub-score. */
    public record AspectAgreement(String aspect, double agreement, int coRated) {
    }

    /** One co-rated film: "you 9/10, they 8/10", each score on its own side's scale. */
    public record Evidence(String film, String title, double yourScore, double yourScaleMax, double theirScore,
                           double theirScaleMax, double agreement) {
    }
}
