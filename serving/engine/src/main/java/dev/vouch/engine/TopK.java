package dev.vouch.engine;

import java.util.function.IntPredicate;

/**
 * Selects the k best entries of a flat score array with a bounded min-heap: O(n log k), no sort of everything.
 * NaN scores never qualify; ties go to the lower index so results are deterministic.
 */
public final class TopK {
    private TopK() {
    }

    /**
     * Indices of the at most {@code k} highest scores that are above {@code floor} and pass {@code accept},
     * best first.
     */
    public static int[] select(float[] scores, int k, float floor, IntPredicate accept) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        Bounded best = new Bounded(k);
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s > floor && best.takes(i, s) && accept.test(i)) {
                best.offer(i, s);
            }
        }
        return best.sorted();
    }

    /**
     * The k best of entries offered one at a time (index, score), as {@link #select} keeps them: higher
     * score first, the lower index on a tie. NaN scores must not be offered.
     */
    static final class Bounded {
        private final int[] heap;
        private final float[] score;
        private int size;

        Bounded(int k) {
            heap = new int[k];
            score = new float[k];
        }

        /** True when (index, s) would be kept if offered now. */
        boolean takes(int index, float s) {
            return size < heap.length || below(0, index, s);
        }

        void offer(int index, float s) {
            if (size < heap.length) {
                heap[size] = index;
                score[size] = s;
                up(size++);
            } else if (below(0, index, s)) {
                heap[0] = index;
                score[0] = s;
                down(size);
            }
        }

        int size() {
            return size;
        }

        /** How many it keeps at most. */
        int capacity() {
            return heap.length;
        }

        boolean full() {
            return size == heap.length;
        }

        /** The lowest score kept (the k-th best once full). */
        float worst() {
            return score[0];
        }

        /** The indices kept, best first. */
        int[] sorted() {
            return sorted(null);
        }

        /** The indices kept, best first, their scores into {@code scores} (at least {@link #size()} long) unless null. */
        int[] sorted(float[] scores) {
            int[] out = new int[size];
            for (int n = size; n > 0; n--) {
                out[n - 1] = heap[0];
                if (scores != null) {
                    scores[n - 1] = score[0];
                }
                heap[0] = heap[n - 1];
                score[0] = score[n - 1];
                down(n - 1);
            }
            size = 0;
            return out;
        }

        /** True when slot a ranks below the entry (index, s). */
        private boolean below(int a, int index, float s) {
            return score[a] < s || score[a] == s && heap[a] > index;
        }

        private void up(int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!below(i, heap[parent], score[parent])) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void down(int n) {
            int i = 0;
            while (true) {
                int left = 2 * i + 1;
                if (left >= n) {
                    return;
                }
                int worst = left;
                if (left + 1 < n && below(left + 1, heap[left], score[left])) {
                    worst = left + 1;
                }
                if (!below(worst, heap[i], score[i])) {
                    return;
                }
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int a, int b) {
            int t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
            float u = score[a];
            score[a] = score[b];
            score[b] = u;
        }
    }
}
