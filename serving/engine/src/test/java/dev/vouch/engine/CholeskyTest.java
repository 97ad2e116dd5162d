package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {
    @Test
    void solvesASmallSystem() {
        // [[4, 2], [2, 3]] x = [2, 1]  →  x = [0.5, 0]
        double[] x = Cholesky.solve(new double[][] {{4, 2}, {2, 3}}, new double[] {2, 1});
        assertThat(x[0]).isCloseTo(0.5, within(1e-12));
        assertThat(x[1]).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        assertThatThrownBy(() -> Cholesky.solve(new double[][] {{1, 2}, {2, 1}}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
