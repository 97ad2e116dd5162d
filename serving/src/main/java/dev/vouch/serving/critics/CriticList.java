package dev.vouch.serving.critics;

import java.util.List;

/**
 * Reviewers ranked by how well they agree with the asker, best first.
 *
 * @param modelVersion the model version that answered
 * @param reviewer     the reviewer whose taste was matched ({@code GET /api/reviewers/{id}/match}), else null
 * @param aspect       the aspect matched on, else null
 * @param ratings      the asker's scored films that took part
 * @param items        the matches; a reviewer with no co-rated film is never listed
 */
public record CriticList(String modelVersion, String reviewer, String aspect, int ratings, List<CriticMatch> items) {
    public CriticList {
        items = List.copyOf(items);
    }
}
