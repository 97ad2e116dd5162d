package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void picksTheBestFirst() {
        float[] scores = {0.5f, 3f, Float.NaN, 2f, -1f, 3f};
        // 3 (index 1) and 3 (index 5) tie: the lower index wins; NaN and values at or below the floor never qualify
        assertThat(TopK.select(scores, 3, 0f, f -> true)).containsExactly(1, 5, 3);
        assertThat(TopK.select(scores, 10, 0f, f -> true)).containsExactly(1, 5, 3, 0);
        assertThat(TopK.select(scores, 10, -5f, f -> true)).containsExactly(1, 5, 3, 0, 4);
    }

    @Test
    void appliesTheFilterOnlyToCandidates() {
        float[] scores = {1f, 2f, 3f, 4f};
        assertThat(TopK.select(scores, 2, 0f, f -> f % 2 == 0)).containsExactly(2, 0);
    }

    @Test
    void matchesAFullSortOnRandomData() {
        Random random = new Random(42);
        float[] scores = new float[5000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(1000) / 10f;
        }
        int[] expected = IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : Integer.compare(a, b))
                .limit(25).mapToInt(Integer::intValue).toArray();
        assertThat(TopK.select(scores, 25, -1f, f -> true)).containsExactly(expected);
    }

    @Test
    void refusesANonPositiveK() {
        assertThatThrownBy(() -> TopK.select(new float[1], 0, 0f, f -> true))
                .hasMessageContaining("k must be at least 1");
        assertThat(Arrays.stream(TopK.select(new float[0], 3, 0f, f -> true))).isEmpty();
    }
}
