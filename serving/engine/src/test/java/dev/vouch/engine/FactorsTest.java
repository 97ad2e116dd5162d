package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FactorsTest {
    @Test
    void theGramMatrixSumsTheOuterProductsOfThePresentRows() {
        Random rnd = new Random(5);
        int rows = 1000;
        int rank = 7;
        float[] v = new float[rows * rank];
        boolean[] present = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            present[i] = i % 9 != 0;
            for (int k = 0; k < rank; k++) {
                v[i * rank + k] = (float) rnd.nextGaussian();
            }
        }
        double[][] g = new Factors(rank, v, present).gram();
        for (int p = 0; p < rank; p++) {
            for (int q = 0; q < rank; q++) {
                double expected = 0;
                for (int i = 0; i < rows; i++) {
                    if (present[i]) {
                        expected += (double) v[i * rank + p] * v[i * rank + q];
                    }
                }
                assertThat(g[p][q]).isCloseTo(expected, within(1e-5 * (1 + Math.abs(expected))));
                assertThat(g[p][q]).isEqualTo(g[q][p]);
            }
        }
    }
}
