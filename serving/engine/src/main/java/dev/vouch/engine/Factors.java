package dev.vouch.engine;

/**
 * Factor vectors of one side (films or reviewers) in one flat array of {@code n * rank} floats, row-major, plus
 * which rows are present. Rows without factors are zero and must be skipped through {@link #has(int)}.
 */
public final class Factors {
    private final int rank;
    private final float[] values;
    private final boolean[] present;
    private final float[] norms;

    public Factors(int rank, float[] values, boolean[] present) {
        this.rank = rank;
        this.values = values;
        this.present = present;
        this.norms = new float[present.length];
        for (int i = 0; i < present.length; i++) {
            if (!present[i]) {
                continue;
            }
            double sum = 0;
            for (int k = 0; k < rank; k++) {
                float v = values[i * rank + k];
                sum += v * v;
            }
            norms[i] = (float) Math.sqrt(sum);
        }
    }

    /**
     * Stores row {@code index} while building; throws IllegalArgumentException naming the table when the length is
     * not the rank.
     */
    public static void put(float[] values, boolean[] present, int rank, int index, float[] row, String table, String id) {
        if (row == null) {
            return;
        }
        if (row.length != rank) {
            throw new IllegalArgumentException(table + ".factors of '" + id + "' has length " + row.length
                    + ", manifest rank is " + rank);
        }
        System.arraycopy(row, 0, values, index * rank, rank);
        present[index] = true;
    }

    /** Number of rows. */
    public int size() {
        return present.length;
    }

    /** {@code Σ rowᵀ·row} over the present rows: the rank × rank Gram matrix. */
    public double[][] gram() {
        // Blocks of rows summed in float (each block's entries as row-by-row axpy loops, which the JIT vectorises),
        // then added into double totals: a fixed order, so the same result on every run.
        final int block = 256;
        double[][] g = new double[rank][rank];
        float[][] b = new float[rank][rank];
        for (int from = 0; from < present.length; from += block) {
            for (float[] row : b) {
                java.util.Arrays.fill(row, 0f);
            }
            for (int i = from; i < Math.min(present.length, from + block); i++) {
                if (!present[i]) {
                    continue;
                }
                int base = i * rank;
                for (int p = 0; p < rank; p++) {
                    float v = values[base + p];
                    float[] bp = b[p];
                    for (int q = 0; q <= p; q++) {
                        bp[q] += v * values[base + q];
                    }
                }
            }
            for (int p = 0; p < rank; p++) {
                for (int q = 0; q <= p; q++) {
                    g[p][q] += b[p][q];
                }
            }
        }
        for (int p = 0; p < rank; p++) {
            for (int q = p + 1; q < rank; q++) {
                g[p][q] = g[q][p];
            }
        }
        return g;
    }

    /** Rows that are all absent, for a side trained without this kind of factors. */
    public static Factors none(int rows, int rank) {
        return new Factors(rank, new float[0], new boolean[rows]);
    }

    public int rank() {
        return rank;
    }

    public boolean has(int index) {
        return present[index];
    }

    /** Dot product of row {@code index} with {@code vector} (length rank). */
    public float dot(int index, float[] vector) {
        int base = index * rank;
        float sum = 0f;
        for (int k = 0; k < rank; k++) {
            sum += values[base + k] * vector[k];
        }
        return sum;
    }

    /**
     * {@code out[j] = dot(index, vectors[j])} for j &lt; n, each the very float {@link #dot(int, float[])} gives (the
     * same terms added in the same order), computed four at a time: four independent sums keep the CPU busy where
     * one sum waits on its previous addition (a trust set's reviewers scored on one film).
     */
    public void dots(int index, float[][] vectors, int n, float[] out) {
        int base = index * rank;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            float[] a = vectors[j];
            float[] b = vectors[j + 1];
            float[] c = vectors[j + 2];
            float[] d = vectors[j + 3];
            float sa = 0f;
            float sb = 0f;
            float sc = 0f;
            float sd = 0f;
            for (int k = 0; k < rank; k++) {
                float x = values[base + k];
                sa += x * a[k];
                sb += x * b[k];
                sc += x * c[k];
                sd += x * d[k];
            }
            out[j] = sa;
            out[j + 1] = sb;
            out[j + 2] = sc;
            out[j + 3] = sd;
        }
        for (; j + 2 <= n; j += 2) {
            float[] a = vectors[j];
            float[] b = vectors[j + 1];
            float sa = 0f;
            float sb = 0f;
            for (int k = 0; k < rank; k++) {
                float x = values[base + k];
                sa += x * a[k];
                sb += x * b[k];
            }
            out[j] = sa;
            out[j + 1] = sb;
        }
        if (j < n) {
            out[j] = dot(index, vectors[j]);
        }
    }

    /**
     * {@code out[i] = dot(i, vector)} for every row, present or not (an absent row's is 0), each the very float
     * {@link #dot(int, float[])} gives, computed four rows at a time: four independent sums keep the CPU busy where
     * one sum waits on its previous addition (a reviewer's view of every film).
     */
    public void dotAll(float[] vector, float[] out) {
        int n = present.length;
        if (values.length == 0) {
            java.util.Arrays.fill(out, 0, n, 0f);
            return;
        }
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int a = i * rank;
            int b = a + rank;
            int c = b + rank;
            int d = c + rank;
            float sa = 0f;
            float sb = 0f;
            float sc = 0f;
            float sd = 0f;
            for (int k = 0; k < rank; k++) {
                float x = vector[k];
                sa += values[a + k] * x;
                sb += values[b + k] * x;
                sc += values[c + k] * x;
                sd += values[d + k] * x;
            }
            out[i] = sa;
            out[i + 1] = sb;
            out[i + 2] = sc;
            out[i + 3] = sd;
        }
        for (; i < n; i++) {
            out[i] = dot(i, vector);
        }
    }

    /** Dot product of row {@code a} of this side with row {@code b} of {@code other}. */
    public float dot(int a, Factors other, int b) {
        int baseA = a * rank;
        int baseB = b * rank;
        float sum = 0f;
        for (int k = 0; k < rank; k++) {
            sum += values[baseA + k] * other.values[baseB + k];
        }
        return sum;
    }

    /**
     * Reads one float from every cache line of row {@code index} and returns their sum, for a caller about to read
     * the rows of many scattered films: touching a block of rows first lets the CPU fetch their lines side by side
     * instead of one miss after the other (Java has no prefetch instruction). Reads whether the row is present too, and
     * nothing more when it is not. The value means nothing.
     */
    public float touch(int index) {
        if (values.length == 0 || !present[index]) {
            return 0f;
        }
        int base = index * rank;
        float sum = 0f;
        for (int k = 0; k < rank; k += FLOATS_PER_LINE) {
            sum += values[base + k];
        }
        return sum + values[base + rank - 1];
    }

    private static final int FLOATS_PER_LINE = 16;

    /** The flat row-major values; callers must not modify them. */
    float[] values() {
        return values;
    }

    /** Euclidean norm of row {@code index}. */
    public float norm(int index) {
        return norms[index];
    }

    /** A copy of row {@code index}. */
    public float[] row(int index) {
        float[] out = new float[rank];
        System.arraycopy(values, index * rank, out, 0, rank);
        return out;
    }

    public long bytes() {
        return values.length * 4L + norms.length * 4L + present.length;
    }
}
