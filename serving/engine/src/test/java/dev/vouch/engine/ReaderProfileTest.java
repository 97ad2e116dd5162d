package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReaderProfileTest {
    private final RankingModel model = TinyModel.of(1, 0.1, 0);

    @Test
    void explicitFoldInIsOneDampedAlsHalfStep() {
        // Arrival 0.9: b = (0.9 − 0.5 − 0.1) / (1 + 2) = 0.1; x solves (0.25 + 0.1·1) x = 0.5·(0.9 − 0.5 − 0.1 − 0.1)
        // → x = 0.1 / 0.35 = 0.2857
        ReaderProfile r = ReaderProfile.fold(model, new int[] {0}, new double[] {0.9});
        assertThat(r.bias()).isCloseTo(0.1, within(1e-9));
        assertThat(r.factors()[0]).isCloseTo(0.2857f, within(1e-4f));
        assertThat(r.predictedNorm(model, 1)).isCloseTo(0.5 + 0.1 + 0 + 0.2857 * 0.2, within(1e-4));
        assertThat(r.predictedNorm(model, 3)).isNaN();
    }

    @Test
    void implicitFoldInIsSparksUserStep() {
        // YᵀY = 1 + 0.25 + 0.04 = 1.29; watched Arrival (α = 4): A = 1.29 + 4·1 + 0.1·1 = 5.39, b = (1 + 4)·1 = 5
        ReaderProfile r = ReaderProfile.fold(model, new int[] {0}, new double[] {0.9});
        assertThat(r.implicitFactors()[0]).isCloseTo(5f / 5.39f, within(1e-5f));
    }

    @Test
    void nothingToFoldMeansNoProfile() {
        assertThat(ReaderProfile.fold(model, new int[0], new double[0])).isNull();
        assertThat(ReaderProfile.fold(model, new int[] {3}, new double[] {0.5})).isNull();
    }
}
