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

    @Test
    void dotsSideBySideAreEachDotFloatForFloat() {
        Random rnd = new Random(6);
        for (int rank : new int[] {1, 3, 16, 64}) {
            float[] v = new float[20 * rank];
            boolean[] has = new boolean[20];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rnd.nextGaussian();
            }
            java.util.Arrays.fill(has, true);
            Factors f = new Factors(rank, v, has);
            for (int n = 0; n <= 7; n++) {
                float[][] vectors = new float[8][rank];
                for (float[] vec : vectors) {
                    for (int k = 0; k < rank; k++) {
                        vec[k] = (float) (rnd.nextGaussian() * 3);
                    }
                }
                float[] out = new float[8];
                java.util.Arrays.fill(out, Float.NaN);
                for (int row = 0; row < 20; row++) {
                    f.dots(row, vectors, n, out);
                    for (int j = 0; j < n; j++) {
                        assertThat(Float.floatToIntBits(out[j])).as("rank %d, n %d, row %d, vector %d", rank, n, row, j)
                                .isEqualTo(Float.floatToIntBits(f.dot(row, vectors[j])));
                    }
                    assertThat(out[n]).as("untouched beyond n").isNaN();
                }
            }
        }
    }
}
