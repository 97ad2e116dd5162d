package dev.vouch.serving.reviewers;

import dev.vouch.serving.model.Model;

/** A reviewer in search results. */
public record ReviewerHit(String id, String name, String role, int nReviews) {
    static ReviewerHit of(Model model, int r) {
        return new ReviewerHit(model.reviewers().id(r), model.reviewers().name(r), model.reviewers().role(r),
                model.reviewers().nReviews(r));
    }
}
