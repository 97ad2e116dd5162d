package dev.vouch.jobs.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopKTest {
    private static final double[] SCORES = {0.5, 0.9, Double.NaN, 0.9, 0.1, 0.7};

    @Test
    void bestFirstTiesToLowerIndexNaNLeftOut() {
        int[] films = {0, 1, 2, 3, 4, 5};
        // 0.9 (1), 0.9 (3), 0.7 (5); film 2 is NaN
        assertThat(TopK.of(films, f -> false, f -> SCORES[f], 3)).containsExactly(1, 3, 5);
        assertThat(TopK.of(films, f -> false, f -> SCORES[f], 10)).containsExactly(1, 3, 5, 0, 4);
    }

    @Test
    void skipsWhatItIsTold() {
        int[] films = {0, 1, 2, 3, 4, 5};
        assertThat(TopK.of(films, f -> f == 1 || f == 5, f -> SCORES[f], 2)).containsExactly(3, 0);
        assertThat(TopK.of(new int[0], f -> false, f -> 1, 2)).isEmpty();
    }
}
