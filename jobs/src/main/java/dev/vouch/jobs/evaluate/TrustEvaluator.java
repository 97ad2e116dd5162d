package dev.vouch.jobs.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * "If you trust this reviewer, watch…", measured through the served path. For a trust edge (u trusts v) on a fold,
 * with a model fitted without the fold's held-out ratings:
 * <ul>
 *   <li>{@link Scenario#TRUSTEE}: v's list for u ({@code trusted: [v], seen: u's training films});</li>
 *   <li>{@link Scenario#OWN_TRUSTEE}: v's list blended with u's own ratings folded in;</li>
 *   <li>{@link Scenario#OWN}: u's ratings alone;</li>
 * </ul>
 * each beside popularity's list for u, all scored against u's relevant held-out films. The endorsed share of v's
 * lists is the share of films v rated at or above v's mean in training, or that the model predicts v to love
 * (z ≥ {@link #LOVES_Z}).
 */
final class TrustEvaluator {
    /** Predicted enthusiasm (in v's own standard deviations) that counts as "v would love it". */
    static final double LOVES_Z = 0.5;
    private static final int K = FoldEvaluator.K;

    private final FoldSplit split;
    private final Map<Integer, Set<Integer>> relevant;
    private final ServedModel served;

    TrustEvaluator(FoldSplit split, Map<Integer, Set<Integer>> relevant, ServedModel served) {
        this.split = split;
        this.relevant = relevant;
        this.served = served;
    }

    /** Edges usable on this fold, sorted; at most {@code max} of them (a seeded sample). */
    List<int[]> edges(int[] truster, int[] trustee, int max, long seed) {
        List<int[]> edges = new ArrayList<>();
        for (int e = 0; e < truster.length; e++) {
            int u = truster[e];
            int v = trustee[e];
            if (u != v && relevant.containsKey(u) && split.trainFilms[u].length > 0 && split.trainFilms[v].length > 0) {
                edges.add(new int[] {u, v});
            }
        }
        if (edges.size() > max) {
            edges.sort((a, b) -> Long.compare(FoldEvaluator.mix(a[0] * 1_000_003L + a[1], seed),
                    FoldEvaluator.mix(b[0] * 1_000_003L + b[1], seed)));
            edges = new ArrayList<>(edges.subList(0, max));
        }
        edges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        return edges;
    }

    /** Scores for the three trust scenarios, the served lists and popularity's for each. */
    List<Scores> evaluate(List<int[]> edges) {
        List<Scores> out = new ArrayList<>();
        List<Set<Integer>> rel = edges.stream().map(e -> relevant.get(e[0])).toList();
        ListMetrics.Endorsement byTrustee = (j, f) -> endorses(edges.get(j)[1], f);
        FoldModel popularity = FoldModels.popularity(split);
        int[][] popular = lists(edges, e -> popularity.recommend(e[0], K));
        for (Scenario s : List.of(Scenario.TRUSTEE, Scenario.OWN_TRUSTEE, Scenario.OWN)) {
            long start = System.nanoTime();
            int[][] lists = lists(edges, e -> {
                int u = e[0];
                int[] trusted = s == Scenario.OWN ? new int[0] : new int[] {e[1]};
                return s == Scenario.TRUSTEE
                        ? served.suggest(trusted, new int[0], new double[0], split.trainFilms[u], K)
                        : served.suggest(trusted, split.trainFilms[u], split.trainRatings[u], new int[0], K);
            });
            out.add(new Scores(s.key, EvaluationResult.MODEL, edges.size(), ListMetrics.of(lists, rel,
                    split.filmCount, split.catalogue.length, s == Scenario.OWN ? null : byTrustee, K),
                    FoldEvaluator.seconds(start)));
            out.add(new Scores(s.key, EvaluationResult.POPULARITY, edges.size(), ListMetrics.of(popular, rel,
                    split.filmCount, split.catalogue.length, s == Scenario.OWN ? null : byTrustee, K), 0));
        }
        return out;
    }

    /** v rated f at or above v's training mean, or the model predicts v to love it. */
    boolean endorses(int v, int film) {
        int i = Arrays.binarySearch(split.trainFilms[v], film);
        if (i >= 0) {
            return split.trainRatings[v][i] >= split.reviewerMean[v] - 1e-12;
        }
        float z = served.z(v, film);
        return !Float.isNaN(z) && z >= LOVES_Z;
    }

    private static int[][] lists(List<int[]> edges, java.util.function.Function<int[], int[]> list) {
        return IntStream.range(0, edges.size()).parallel().mapToObj(j -> list.apply(edges.get(j)))
                .toArray(int[][]::new);
    }
}
