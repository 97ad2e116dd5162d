package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReviewerViewTest {
    private final RankingModel model = TinyModel.of(1, 0.1, 0);

    @Test
    void reviewedFilmsCountAsWatchedPlusTheRealZ() {
        ReviewerView ana = ReviewerView.of(model, 0);
        // Arrival 0.8: z = (0.8 − 0.6) / 0.2 = 1 → 1·1 + 0.1·1 = 1.1
        assertThat(ana.values()[0]).isCloseTo(1.1f, within(1e-6f));
        assertThat(ana.kind(0)).isEqualTo(ReviewerView.REVIEWED);
        // Cats 0.4 is below Ana's mean (z = −1): she does not vouch for it
        assertThat(ana.values()[2]).isNaN();
        assertThat(ana.z(2)).isCloseTo(-1f, within(1e-6f));
        assertThat(ana.kind(2)).isEqualTo(ReviewerView.NONE);
    }

    @Test
    void otherFilmsBlendTheWatchScoreAndThePredictedZ() {
        ReviewerView ana = ReviewerView.of(model, 0);
        // Heat: watch 0.8·0.5 = 0.4; predicted 0.5 + 0 + 0 + 0.4·0.2 = 0.58, z = (0.58 − 0.6) / 0.2 = −0.1
        // → 0.4 − 0.01 = 0.39, led by the watch term
        assertThat(ana.values()[1]).isCloseTo(0.39f, within(1e-6f));
        assertThat(ana.kind(1)).isEqualTo(ReviewerView.WATCHED);
        // Obscure has no factors of either kind
        assertThat(ana.values()[3]).isNaN();
    }

    @Test
    void theSdFloorAndTheDefaultsForAReviewerWithoutHabits() {
        // Cy's sd 0.01 is floored at 0.05: Arrival predicted 0.5 + 0.1 − 0.2 = 0.4, z = (0.4 − 0.5) / 0.05 = −2
        ReviewerView cy = ReviewerView.of(model, 2);
        assertThat(cy.z(0)).isCloseTo(-2f, within(1e-5f));
        // watch 0.5·1 = 0.5, rating −0.2: 0.3, still led by watching
        assertThat(cy.values()[0]).isCloseTo(0.3f, within(1e-5f));
        // Bo has no factors of any kind and no opinions: no view at all
        ReviewerView bo = ReviewerView.of(model, 1);
        for (int f = 0; f < 4; f++) {
            assertThat(bo.values()[f]).isNaN();
        }
    }

    @Test
    void predictionsAreClampedAndFallBackToBiases() {
        // Bo: no factors, so μ + b_r + b_f: Arrival 0.5 + 0.1 + 0.1 = 0.7
        assertThat(model.predict(1, 0)).isCloseTo(0.7, within(1e-6));
        assertThat(model.predictBiases(0, 2)).isCloseTo(0.4, within(1e-6));
        assertThat(model.predict(0.9, new float[] {10f}, 0)).isEqualTo(1.0);
    }

    /**
     * A view from dot products computed once (the blend tuning's way: one reviewer under several weights) is the view
     * computed from scratch, value, z and kind, on models whose weights differ from the one the dots came from.
     */
    @Test
    void aViewFromSharedDotProductsIsTheViewFromScratch() {
        RankingModel base = TopListTest.random(new Random(11), 1300, 40, 0.05, false, 8, 8);
        RankingModel[] weighed = {base, base.withParams(base.params().withWeights(0, 1, 2, 5)),
                base.withParams(base.params().withWeights(1, 0.5, 0, 1))};
        int checked = 0;
        for (int r = 0; r < 40; r++) {
            ReviewerView.Dots dots = ReviewerView.Dots.of(base, r);
            for (RankingModel m : weighed) {
                ReviewerView shared = ReviewerView.of(m, r, dots);
                ReviewerView scratch = ReviewerView.of(new RankingModel(m.globalMean(), m.params(), m.reviewers(),
                        m.films(), m.opinions()), r);
                assertThat(shared.values()).isEqualTo(scratch.values());
                for (int f = 0; f < m.filmCount(); f++) {
                    assertThat(Float.floatToRawIntBits(shared.z(f))).isEqualTo(Float.floatToRawIntBits(scratch.z(f)));
                    assertThat(shared.kind(f)).isEqualTo(scratch.kind(f));
                    checked += Float.isNaN(scratch.values()[f]) ? 0 : 1;
                }
            }
        }
        assertThat(checked).isGreaterThan(40 * 3 * 1000);
        ReviewerView.Dots first = ReviewerView.Dots.of(base, 0);
        assertThatThrownBy(() -> ReviewerView.of(base, 1, first)).isInstanceOf(IllegalArgumentException.class);
        RankingModel other = TopListTest.random(new Random(12), 1300, 40, 0.05, false, 8, 8);
        assertThatThrownBy(() -> ReviewerView.of(other, 0, first)).isInstanceOf(IllegalArgumentException.class);
    }
}
