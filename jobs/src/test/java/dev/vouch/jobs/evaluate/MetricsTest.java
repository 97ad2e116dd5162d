package dev.vouch.jobs.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double EPS = 1e-5;
    // Films 1 and 3 are hits, at places 2 and 4; film 4 is relevant but never ranked.
    private static final int[] RANKED = {5, 1, 7, 3, 9};
    private static final Set<Integer> RELEVANT = Set.of(1, 3, 4);

    @Test
    void rmseAndMaeOnHandComputedErrors() {
        double[] predicted = {3, 4, 2};
        double[] actual = {4, 4, 4};
        // errors −1, 0, −2: squares 1 + 0 + 4 = 5, √(5/3) = 1.29099; |errors| 1 + 0 + 2 = 3, 3/3 = 1
        assertThat(Metrics.rmse(predicted, actual)).isCloseTo(1.29099, within(EPS));
        assertThat(Metrics.mae(predicted, actual)).isCloseTo(1.0, within(EPS));
        assertThat(Metrics.rmse(new double[0], new double[0])).isNaN();
        assertThatThrownBy(() -> Metrics.rmse(new double[1], new double[2])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void precisionAndRecall() {
        // 2 hits in the first 5 places: 2/5 = 0.4; 2 of 3 relevant found: 0.66667
        assertThat(Metrics.precisionAtK(RANKED, RELEVANT, 5)).isCloseTo(0.4, within(EPS));
        assertThat(Metrics.recallAtK(RANKED, RELEVANT, 5)).isCloseTo(0.66667, within(EPS));
        // first 3 places hold one hit: 1/3 each
        assertThat(Metrics.precisionAtK(RANKED, RELEVANT, 3)).isCloseTo(0.33333, within(EPS));
        assertThat(Metrics.recallAtK(RANKED, RELEVANT, 3)).isCloseTo(0.33333, within(EPS));
        // a list shorter than k: the missing places are misses, 1 hit / 10
        assertThat(Metrics.precisionAtK(new int[] {4}, RELEVANT, 10)).isCloseTo(0.1, within(EPS));
        assertThat(Metrics.recallAtK(RANKED, Set.of(), 5)).isNaN();
    }

    @Test
    void ndcg() {
        // DCG = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068 = 1.06161
        // ideal (3 relevant) = 1 + 1/log2(3) + 1/log2(4) = 1 + 0.63093 + 0.5 = 2.13093 → 1.06161 / 2.13093 = 0.49819
        assertThat(Metrics.ndcgAtK(RANKED, RELEVANT, 5)).isCloseTo(0.49819, within(EPS));
        // k = 3: DCG = 0.63093, ideal still 2.13093 (min(3, 3) places) → 0.29609
        assertThat(Metrics.ndcgAtK(RANKED, RELEVANT, 3)).isCloseTo(0.29609, within(EPS));
        // one relevant film ranked first: ideal
        assertThat(Metrics.ndcgAtK(new int[] {4, 8}, Set.of(4), 10)).isCloseTo(1.0, within(EPS));
        assertThat(Metrics.ndcgAtK(new int[] {8, 9}, Set.of(4), 10)).isZero();
        assertThat(Metrics.ndcgAtK(RANKED, Set.of(), 10)).isNaN();
    }

    @Test
    void averagePrecision() {
        // hits at places 2 and 4: precisions 1/2 and 2/4; sum 1, normalised by min(3, 5) = 3 → 0.33333
        assertThat(Metrics.averagePrecisionAtK(RANKED, RELEVANT, 5)).isCloseTo(0.33333, within(EPS));
        // k = 3: one hit at place 2: (1/2) / min(3, 3) = 0.16667
        assertThat(Metrics.averagePrecisionAtK(RANKED, RELEVANT, 3)).isCloseTo(0.16667, within(EPS));
        // k = 2 < |relevant|: (1/2) / min(3, 2) = 0.25
        assertThat(Metrics.averagePrecisionAtK(RANKED, RELEVANT, 2)).isCloseTo(0.25, within(EPS));
        assertThat(Metrics.averagePrecisionAtK(new int[] {4}, Set.of(4), 10)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void hitAndCoverage() {
        assertThat(Metrics.hitAtK(RANKED, RELEVANT, 1)).isZero();
        assertThat(Metrics.hitAtK(RANKED, RELEVANT, 2)).isEqualTo(1.0);
        // 30 of 120 films recommended to someone: 0.25
        assertThat(Metrics.coverage(30, 120)).isCloseTo(0.25, within(EPS));
        assertThatThrownBy(() -> Metrics.coverage(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.ndcgAtK(RANKED, RELEVANT, 0)).hasMessageContaining("k must be at least 1");
    }

    @Test
    void meanAndSdSkipNaN() {
        // mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, sample sd √(5/3) = 1.29099
        double[] values = {1, 2, Double.NaN, 3, 4};
        assertThat(Metrics.mean(values)).isCloseTo(2.5, within(EPS));
        assertThat(Metrics.sd(values)).isCloseTo(1.29099, within(EPS));
        assertThat(Metrics.sd(new double[] {1})).isNaN();
        assertThat(Metrics.mean(new double[] {Double.NaN})).isNaN();
    }
}
