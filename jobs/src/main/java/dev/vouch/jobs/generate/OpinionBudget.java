package dev.vouch.jobs.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a total number of opinions over reviewers in proportion to their activity, hitting the total exactly
 * (largest-remainder rounding, repeated while some reviewers hit the cap).
 */
final class OpinionBudget {
    private OpinionBudget() {}

    /**
     * @param total   opinions to hand out; {@code weights.length <= total <= weights.length * cap}
     * @param weights positive activity of each reviewer
     * @param cap     most opinions one reviewer can write (the number of films)
     * @return opinions per reviewer, each in [1, cap], summing to {@code total}
     */
    static int[] allocate(int total, double[] weights, int cap) {
        int n = weights.length;
        if (total < n || (long) total > (long) n * cap) {
            throw new IllegalArgumentException(
                    "cannot split " + total + " opinions over " + n + " reviewers of at most " + cap);
        }
        if (Arrays.stream(weights).anyMatch(w -> !(w > 0) || Double.isInfinite(w))) {
            throw new IllegalArgumentException("weights must be positive and finite");
        }
        int[] out = new int[n];
        Arrays.fill(out, 1); // everyone rates something, so no reviewer is an empty row
        int remaining = total - n;
        while (remaining > 0) {
            remaining = pass(out, weights, cap, remaining);
        }
        return out;
    }

    /** Hands out floors, then one each by largest fractional part; returns what capped reviewers could not take. */
    private static int pass(int[] out, double[] weights, int cap, int remaining) {
        int budget = remaining;
        double open = 0;
        for (int i = 0; i < out.length; i++) {
            open += out[i] < cap ? weights[i] : 0;
        }
        double[] exact = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            if (out[i] < cap) {
                exact[i] = budget * weights[i] / open;
                // min with what is left guards against rounding pushing the floors past the remainder
                int share = (int) Math.min(Math.min(cap - out[i], remaining), Math.floor(exact[i]));
                out[i] += share;
                remaining -= share;
            }
        }
        int[] byFraction = IntStream.range(0, out.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> exact[i] - Math.floor(exact[i])).reversed()
                        .thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < byFraction.length && remaining > 0; k++) {
            int i = byFraction[k];
            if (exact[i] > 0 && out[i] < cap) {
                out[i]++;
                remaining--;
            }
        }
        return remaining;
    }
}
