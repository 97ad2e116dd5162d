package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FilmBlockTest {
    @Test
    void aBlocksDotsAreEachDotFloatForFloat() {
        // scattered films, some without factors (their sum is 0 and has() says so), ranks up to 64, blocks of every
        // size up to the capacity: the loop over films is vectorised, each film's sum must still be Factors.dot's
        Random rnd = new Random(11);
        for (int rank : new int[] {1, 3, 16, 64}) {
            int rows = 500;
            float[] v = new float[rows * rank];
            boolean[] has = new boolean[rows];
            for (int i = 0; i < rows; i++) {
                has[i] = rnd.nextDouble() < 0.9;
                for (int k = 0; k < rank && has[i]; k++) {
                    v[i * rank + k] = (float) (rnd.nextGaussian() * 0.3);
                }
            }
            Factors side = new Factors(rank, v, has);
            FilmBlock block = new FilmBlock(side, 80);
            float[] sums = new float[80];
            for (int n = 0; n <= 80; n += 1 + rnd.nextInt(9)) {
                int[] films = rnd.ints(n, 0, rows).toArray();
                float[] vector = new float[rank];
                for (int k = 0; k < rank; k++) {
                    vector[k] = (float) (rnd.nextGaussian() * 3);
                }
                block.load(films, n);
                block.dots(vector, sums);
                assertThat(block.size()).isEqualTo(n);
                for (int i = 0; i < n; i++) {
                    assertThat(block.has(i)).isEqualTo(side.has(films[i]));
                    float expected = side.has(films[i]) ? side.dot(films[i], vector) : 0f;
                    assertThat(Float.floatToIntBits(sums[i])).as("rank %d, film %d", rank, films[i])
                            .isEqualTo(Float.floatToIntBits(expected));
                }
            }
        }
    }

    @Test
    void aRangeIsTheConsecutiveFilms() {
        Random rnd = new Random(12);
        float[] v = new float[40 * 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        boolean[] has = new boolean[40];
        java.util.Arrays.fill(has, true);
        has[13] = false;
        Factors side = new Factors(8, v, has);
        FilmBlock block = new FilmBlock(side, 16);
        float[] vector = {1, -2, 3, 0.5f, 0, 7, -1, 2};
        float[] sums = new float[16];
        block.loadRange(10, 12);
        block.dots(vector, sums);
        for (int i = 0; i < 12; i++) {
            assertThat(block.has(i)).isEqualTo(i != 3);
            assertThat(sums[i]).isEqualTo(i == 3 ? 0f : side.dot(10 + i, vector));
        }
    }
}
