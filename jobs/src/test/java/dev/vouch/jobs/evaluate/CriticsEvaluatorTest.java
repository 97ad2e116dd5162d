package dev.vouch.jobs.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CriticsEvaluatorTest {
    @Test
    void trustRecoveryIsRecallAndNdcgOfDeclaredTrustees() {
        // Truster 1 trusts {7, 9}; the list finds 9 at place 2: recall 1/2, NDCG = (1/log2 3) / (1 + 1/log2 3)
        //   = 0.6309 / 1.6309 = 0.3869. Truster 2 trusts {4}; the list misses it: 0 and 0. Means: 0.25, 0.1934.
        Map<String, Double> m = CriticsEvaluator.recovery(new int[][] {{3, 9, 5}, {1, 2}},
                List.of(Set.of(7, 9), Set.of(4)));
        assertThat(m.get("recall_at_10")).isCloseTo(0.25, within(1e-9));
        assertThat(m.get("ndcg_at_10")).isCloseTo(0.3869 / 2, within(1e-4));
    }

    @Test
    void panelsAreNamedBySize() {
        assertThat(CriticsEvaluator.panel(10)).isEqualTo("critics_top_10");
    }
}
