package dev.vouch.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpinionBudgetTest {

    @Test
    void splitsInProportionWithLargestRemainders() {
        // 1 each up front, 7 left over weights 1:1:2 -> exact 1.75, 1.75, 3.5 -> floors 1, 1, 3 (5 given);
        // the 2 left go to the largest fractions .75, .75 -> 1+1+1, 1+1+1, 1+3 = 3, 3, 4.
        assertThat(OpinionBudget.allocate(10, new double[] {1, 1, 2}, 100)).containsExactly(3, 3, 4);
    }

    @Test
    void capsSpillToTheOthers() {
        // 7 left over weights 1:1:8 -> exact .7, .7, 5.6; the third is capped at 4 (takes 3), leftover 4:
        // +1 each to the first two (fractions .7) -> 2, 2, 4; second pass splits the last 2 evenly -> 3, 3, 4.
        assertThat(OpinionBudget.allocate(10, new double[] {1, 1, 8}, 4)).containsExactly(3, 3, 4);
    }

    @Test
    void hitsTheTotalExactlyAndKeepsEveryoneInRange() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] w = new double[500];
        Arrays.setAll(w, i -> Math.exp(2 * rng.nextGaussian()));
        for (int total : new int[] {500, 501, 12_345, 50_000}) {
            int[] out = OpinionBudget.allocate(total, w, 100);
            assertThat(Arrays.stream(out).sum()).isEqualTo(total);
            assertThat(Arrays.stream(out).min().getAsInt()).isGreaterThanOrEqualTo(1);
            assertThat(Arrays.stream(out).max().getAsInt()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void refusesImpossibleTotalsAndBadWeights() {
        assertThatThrownBy(() -> OpinionBudget.allocate(2, new double[] {1, 1, 1}, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpinionBudget.allocate(16, new double[] {1, 1, 1}, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpinionBudget.allocate(5, new double[] {1, 0, 1}, 5))
                .hasMessageContaining("weights");
    }
}
