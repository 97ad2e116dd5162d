package dev.vouch.jobs.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * "If you trust this reviewer, watch…", measured. For a trust edge (u trusts v) on a fold: v's suggestions are the
 * films v liked in training (rated at or above v's own mean; best first — a z-score would give the same order within
 * one reviewer), then the films v did not rate, in our model's ranking for v ({@link PriorRanking}). Films u rated in
 * training are left
 * out. Films v rated below their own mean are never suggested: v does not vouch for them. The model was fitted
 * without the fold's held-out ratings, so u's test ratings are never seen. The list is scored against u's held-out
 * liked films and compared with popularity's and our model's own top 10 for u. The blend fuses the lists of all of
 * u's trustees by reciprocal rank (Σ 1/(60 + place)), which needs no common score scale.
 */
final class TrustEvaluator {
    private static final int K = FoldEvaluator.K;
    /** Unrated films cached per trustee, best first; enough to skip what any one truster has rated, mostly. */
    private static final int CACHED = 200;
    private static final double RRF_OFFSET = 60;

    private final FoldSplit split;
    private final Map<Integer, Set<Integer>> relevant;
    private final PriorRanking model;
    private final PopularityModel popularity;
    private final Map<Integer, int[]> unratedTop = new ConcurrentHashMap<>();

    TrustEvaluator(FoldSplit split, Map<Integer, Set<Integer>> relevant, PriorRanking model) {
        this.split = split;
        this.relevant = relevant;
        this.model = model;
        this.popularity = new PopularityModel(split);
    }

    /** @param truster,trustee the trust edges, as reviewer indices */
    TrustScores evaluate(int[] truster, int[] trustee) {
        List<int[]> edges = new ArrayList<>();
        for (int e = 0; e < truster.length; e++) {
            int u = truster[e];
            int v = trustee[e];
            if (u != v && relevant.containsKey(u) && split.trainFilms[v].length > 0) {
                edges.add(new int[] {u, v});
            }
        }
        edges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        double[][] perEdge = IntStream.range(0, edges.size()).parallel()
                .mapToObj(e -> scoreEdge(edges.get(e)[0], edges.get(e)[1])).toArray(double[][]::new);
        int wins = 0;
        int losses = 0;
        for (double[] s : perEdge) {
            wins += s[0] > s[2] ? 1 : 0;
            losses += s[0] < s[2] ? 1 : 0;
        }
        double[][] blend = blend(edges);
        return new TrustScores(edges.size(), column(perEdge, 0), column(perEdge, 1), column(perEdge, 2),
                column(perEdge, 3), column(perEdge, 4), column(perEdge, 5), wins, losses, blend.length,
                column(blend, 0), column(blend, 1), column(blend, 2), column(blend, 3));
    }

    /** NDCG and hit of: v's list, popularity's, the model's — all for u. */
    private double[] scoreEdge(int u, int v) {
        Set<Integer> liked = relevant.get(u);
        int[] trusted = suggestions(v, u);
        int[] popular = popularity.recommend(u, K);
        int[] own = model.recommend(u, K);
        return new double[] {Metrics.ndcgAtK(trusted, liked, K), Metrics.hitAtK(trusted, liked, K),
                Metrics.ndcgAtK(popular, liked, K), Metrics.hitAtK(popular, liked, K),
                Metrics.ndcgAtK(own, liked, K), Metrics.hitAtK(own, liked, K)};
    }

    /** v's top 10 for u. */
    int[] suggestions(int v, int u) {
        int[] out = new int[K];
        int n = 0;
        for (int f : likedBestFirst(v)) {
            if (n < K && !split.ratedInTraining(u, f)) {
                out[n++] = f;
            }
        }
        int[] cached = unratedTop.computeIfAbsent(v, x -> TopK.of(split.catalogue,
                f -> split.ratedInTraining(v, f), f -> model.rankScore(v, f), CACHED));
        int[] unrated = cached;
        if (cached.length == CACHED && Arrays.stream(cached).filter(f -> !split.ratedInTraining(u, f)).count() < K - n) {
            unrated = TopK.of(split.catalogue, f -> split.ratedInTraining(v, f) || split.ratedInTraining(u, f),
                    f -> model.rankScore(v, f), K);
        }
        for (int f : unrated) {
            if (n < K && !split.ratedInTraining(u, f)) {
                out[n++] = f;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** v's training films rated at or above v's mean, highest rating first, ties to the lower film index. */
    private int[] likedBestFirst(int v) {
        int[] films = split.trainFilms[v];
        double[] ratings = split.trainRatings[v];
        double mean = split.reviewerMean[v];
        return IntStream.range(0, films.length).filter(i -> ratings[i] >= mean - 1e-12).boxed()
                .sorted((a, b) -> ratings[a] != ratings[b] ? Double.compare(ratings[b], ratings[a])
                        : Integer.compare(films[a], films[b]))
                .mapToInt(i -> films[i]).toArray();
    }

    /** Per truster: NDCG and hit of the fused list of all trustees, and of popularity. */
    private double[][] blend(List<int[]> edges) {
        Map<Integer, List<Integer>> trustees = new TreeMap<>();
        edges.forEach(e -> trustees.computeIfAbsent(e[0], x -> new ArrayList<>()).add(e[1]));
        return trustees.entrySet().stream().parallel().map(t -> {
            int u = t.getKey();
            Map<Integer, Double> fused = new LinkedHashMap<>();
            for (int v : t.getValue()) {
                int[] list = suggestions(v, u);
                for (int place = 0; place < list.length; place++) {
                    fused.merge(list[place], 1 / (RRF_OFFSET + place + 1), Double::sum);
                }
            }
            int[] films = fused.keySet().stream().mapToInt(Integer::intValue).toArray();
            int[] top = TopK.of(films, f -> false, fused::get, K);
            int[] popular = popularity.recommend(u, K);
            Set<Integer> liked = relevant.get(u);
            return new double[] {Metrics.ndcgAtK(top, liked, K), Metrics.hitAtK(top, liked, K),
                    Metrics.ndcgAtK(popular, liked, K), Metrics.hitAtK(popular, liked, K)};
        }).toArray(double[][]::new);
    }

    private static double column(double[][] rows, int c) {
        return Metrics.mean(Arrays.stream(rows).mapToDouble(r -> r[c]).toArray());
    }
}
