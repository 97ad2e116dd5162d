package dev.vouch.engine;

import java.util.Arrays;

/**
 * Up to {@link #capacity()} films of one side ({@link Factors}) with their factors transposed (array k holds factor k
 * of every film of the block), so that one vector's dot products with all of them run as a loop over films that the
 * JIT turns into vector instructions. Each sum adds its terms in the order of {@link Factors#dot}, so every one is the
 * very float {@code side.dot(film, vector)} gives (Java neither fuses nor reorders float arithmetic); only the films run
 * side by side. A dot product on its own waits on each addition before the next.
 *
 * <p>{@link TopLists} loads consecutive films (the whole catalogue, block after block); the trust-set merge loads the
 * scattered films it meets on the lists. Not thread-safe: one block per thread or request.
 */
final class FilmBlock {
    private final Factors side;
    private final float[][] transposed;
    private final boolean[] has;
    private int size;
    /** Whether every film loaded has factors. */
    private boolean all;

    FilmBlock(Factors side, int capacity) {
        this.side = side;
        this.transposed = new float[side.rank()][capacity];
        this.has = new boolean[capacity];
    }

    int capacity() {
        return has.length;
    }

    /** Films {@code first .. first + n - 1}. */
    void loadRange(int first, int n) {
        size = n;
        all = true;
        float[] v = side.values();
        int rank = side.rank();
        for (int i = 0; i < n; i++) {
            put(v, rank, i, first + i);
        }
    }

    /** Films {@code films[0 .. n - 1]}, in that order. */
    void load(int[] films, int n) {
        size = n;
        all = true;
        float[] v = side.values();
        int rank = side.rank();
        for (int i = 0; i < n; i++) {
            put(v, rank, i, films[i]);
        }
    }

    private void put(float[] v, int rank, int i, int f) {
        has[i] = side.has(f);
        all &= has[i];
        int base = f * rank;
        for (int k = 0; k < rank; k++) {
            transposed[k][i] = has[i] ? v[base + k] : 0f;
        }
    }

    /** Films loaded. */
    int size() {
        return size;
    }

    /** Whether the side has factors for every film loaded. */
    boolean all() {
        return all;
    }

    /** Whether the side has factors for the i-th film loaded. */
    boolean has(int i) {
        return has[i];
    }

    /**
     * {@code sums[i] = side.dot(film i, row)} for every film loaded, float for float (one array per factor: with an
     * offset into one flat array, Java 17's C2 leaves the loop scalar, 5× slower).
     */
    void dots(float[] row, float[] sums) {
        int n = size;
        Arrays.fill(sums, 0, n, 0f);
        for (int k = 0; k < transposed.length; k++) {
            float x = row[k];
            float[] column = transposed[k];
            for (int i = 0; i < n; i++) {
                sums[i] += column[i] * x;
            }
        }
    }
}
