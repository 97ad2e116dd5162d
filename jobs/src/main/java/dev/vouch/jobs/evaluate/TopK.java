package dev.vouch.jobs.evaluate;

import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/** The k best-scoring candidates with a bounded heap: O(n log k), without sorting the whole catalogue. */
final class TopK {
    private TopK() {}

    /**
     * @param candidates films to consider
     * @param skip       films to leave out (e.g. rated in training)
     * @param score      higher is better; NaN scores are left out
     * @return at most k films, best first, ties to the lower film index
     */
    static int[] of(int[] candidates, IntPredicate skip, IntToDoubleFunction score, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        // The heap's head is the worst kept candidate: lowest score, then highest index.
        PriorityQueue<double[]> heap = new PriorityQueue<>(k + 1, (a, b) -> a[0] != b[0]
                ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
        for (int film : candidates) {
            if (skip.test(film)) {
                continue;
            }
            double s = score.applyAsDouble(film);
            if (Double.isNaN(s)) {
                continue;
            }
            if (heap.size() < k) {
                heap.add(new double[] {s, film});
            } else {
                double[] worst = heap.peek();
                if (s > worst[0] || (s == worst[0] && film < worst[1])) {
                    heap.poll();
                    heap.add(new double[] {s, film});
                }
            }
        }
        int[] out = new int[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = (int) heap.poll()[1];
        }
        return out;
    }
}
