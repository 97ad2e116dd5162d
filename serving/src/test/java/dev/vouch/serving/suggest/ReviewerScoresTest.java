package dev.vouch.serving.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelFixture;
import org.junit.jupiter.api.Test;

class ReviewerScoresTest {
    private final Model model = ModelFixture.sharedStore().require();
    private final int miguel = model.reviewer("rev:miguel");

    @Test
    void scoredFilmsAreWeighedAgainstTheReviewersHabits() {
        ReviewerScores view = ReviewerScores.of(model, miguel);
        // Miguel: mean 0.5, sd 0.2. Arrival 0.9 → (0.9 - 0.5) / 0.2 = 2; Heat 0.6 → 0.5; Cats 0.2 → -1.5
        assertThat(view.z(model.film("film:arrival"))).isCloseTo(2.0f, within(1e-5f));
        assertThat(view.z(model.film("film:heat"))).isCloseTo(0.5f, within(1e-5f));
        assertThat(view.z(model.film("film:cats"))).isCloseTo(-1.5f, within(1e-5f));
        assertThat(view.kind(model.film("film:arrival"))).isEqualTo(ReviewerScores.REVIEWED);
    }

    @Test
    void otherFilmsArePredictedFromFactorsAndDamped() {
        ReviewerScores view = ReviewerScores.of(model, miguel);
        // Alien: 0.6 + (-0.1) + 0.04 + (1.0·0.25 + 0·-0.1) = 0.79 → 0.8 · (0.79 - 0.5) / 0.2 = 1.16
        assertThat(view.z(model.film("film:alien"))).isCloseTo(1.16f, within(1e-5f));
        assertThat(view.kind(model.film("film:alien"))).isEqualTo(ReviewerScores.PREDICTED);
        // Amélie was tagged without a score: predicted, 0.72 → 0.88
        assertThat(view.z(model.film("film:amelie"))).isCloseTo(0.88f, within(1e-5f));
        // no factors for Obscure: no view
        assertThat(view.z(model.film("film:obscure"))).isNaN();
        assertThat(view.kind(model.film("film:obscure"))).isEqualTo(ReviewerScores.NONE);
    }

    @Test
    void aReviewerWithNothingHasNoView() {
        assertThat(ReviewerScores.of(model, model.reviewer("rev:new")).isEmpty()).isTrue();
    }

    @Test
    void aspectViewUsesOnlyTheReviewersSubScores() {
        ReviewerScores story = ReviewerScores.ofAspect(model, miguel, "story");
        assertThat(story.z(model.film("film:arrival"))).isEqualTo(1.0f);
        assertThat(story.z(model.film("film:heat"))).isCloseTo(0.8f, within(1e-6f));
        assertThat(story.z(model.film("film:alien"))).isNaN();
    }
}
