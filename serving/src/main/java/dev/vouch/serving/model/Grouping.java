package dev.vouch.serving.model;

/**
 * A stable counting sort of rows by a dense group index: rows of group g are {@code order[offsets[g]] ..
 * order[offsets[g+1]-1]}, in the order they were read.
 */
final class Grouping {
    final int[] offsets;
    final int[] order;

    Grouping(int[] group, int rows, int groups) {
        offsets = new int[groups + 1];
        for (int i = 0; i < rows; i++) {
            offsets[group[i] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            offsets[g + 1] += offsets[g];
        }
        int[] next = offsets.clone();
        order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[next[group[i]]++] = i;
        }
    }

    static int[] permute(int[] values, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    static float[] permute(float[] values, int[] order) {
        float[] out = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    static String[] permute(String[] values, int[] order) {
        String[] out = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }
}
