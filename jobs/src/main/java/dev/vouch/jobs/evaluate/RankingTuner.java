package dev.vouch.jobs.evaluate;

import dev.vouch.engine.RankParams;
import dev.vouch.engine.Ranker;
import dev.vouch.engine.RankingModel;
import dev.vouch.engine.ReviewerView;
import dev.vouch.engine.TopK;
import dev.vouch.jobs.train.RankingModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.apache.spark.sql.Row;

/**
 * Chooses the ranking engine's blend weights on a validation split: a model fitted on the split's training part
 * ranks, through {@link Ranker} exactly as served, the top 10 of each validation reviewer ({@code trusted: [R], seen:
 * R's training films}); the weights with the best NDCG@10 win. Used by {@code vouch train} (its validation split) and
 * {@code vouch evaluate} (an inner split of fold 1's training part), never on a test fold.
 */
public final class RankingTuner {
    /** Relevant: a validation rating at or above this score_norm (4 of 5, 3 of 4). */
    public static final double DEFAULT_RELEVANT_AT = 0.75;
    static final int K = FoldEvaluator.K;
    /** {implicit, rating, popularity} weights tried; implicit 0 is the rating model with a popularity prior. */
    public static final List<double[]> GRID = grid();

    private RankingTuner() {}

    /**
     * @param ndcg      NDCG@10 of the validation reviewers' own lists
     * @param trustNdcg NDCG@10 of trustees' lists for their trusters (NaN without trust edges)
     * @param objective what is maximised: ndcg over popularity's, averaged with trustNdcg over popularity's where
     *                  trust edges exist, so that one set of weights serves "my list" and "the list I trust" alike
     */
    public record Candidate(double implicitWeight, double ratingWeight, double popularityWeight, double ndcg,
                            double trustNdcg, double objective) {}

    /**
     * @param params         the chosen weights with the model's fold-in settings
     * @param implicitNdcg   implicit ALS alone (x·y) on the same split, for reference
     * @param popularityNdcg popularity on the same split
     * @param reviewers      validation reviewers ranked
     */
    public record Choice(RankParams params, List<Candidate> candidates, double implicitNdcg, double popularityNdcg,
                         int reviewers, List<double[]> personalHalves) {}

    /** Values of {@code personal_half} tried where trust edges exist (smaller: the reader's own ratings weigh more). */
    static final double[] PERSONAL_HALVES = {0.5, 1, 2, 5, 10, 20};

    /** The validation split's ground truth in the model's indices, and what each reviewer has seen (training). */
    /**
     * Requests to rank: {@code trusted[j]} is trusted, {@code seen[j]} excluded (the opinions of {@code truster[j]},
     * whose relevant films are {@code relevant[j]}).
     */
    record Truth(int[] truster, int[] trusted, List<Set<Integer>> relevant, int[][] seen) {
        int size() {
            return trusted.length;
        }
    }

    /**
     * @param validation rows of {@code reviewer_id, film_id, score_norm} held out of the model's training
     * @param trust      trust edges as {@code truster_id, trustee_id} rows; empty when the data has none
     */
    public static Choice tune(RankingModels.Indexed model, List<Row> validation, List<Row> trust, double relevantAt,
                              int maxReviewers, long seed) {
        Truth truth = truth(model, validation, relevantAt, maxReviewers, seed);
        Truth trustTruth = trustTruth(model, validation, trust, relevantAt, maxReviewers, seed);
        RankParams base = model.model().params();
        double popularity = popularityNdcg(model.model(), truth);
        double trustPopularity = trustTruth.size() == 0 ? Double.NaN : popularityNdcg(model.model(), trustTruth);
        List<RankParams> grid = GRID.stream().map(w -> base.withWeights(w[0], w[1], w[2], base.personalHalf()))
                .toList();
        double[] owns = ndcg(model.model(), grid, truth, false);
        double[] trusteds = trustTruth.size() == 0 ? null : ndcg(model.model(), grid, trustTruth, false);
        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < grid.size(); c++) {
            double[] w = GRID.get(c);
            double own = owns[c];
            double trusted = trusteds == null ? Double.NaN : trusteds[c];
            double objective = Double.isNaN(trusted) ? own / popularity
                    : (own / popularity + trusted / trustPopularity) / 2;
            candidates.add(new Candidate(w[0], w[1], w[2], own, trusted, objective));
        }
        Candidate best = candidates.stream().max(Comparator.comparingDouble(Candidate::objective)).orElseThrow();
        RankParams chosen = base.withWeights(best.implicitWeight(), best.ratingWeight(), best.popularityWeight(),
                base.personalHalf());
        List<double[]> halves = new ArrayList<>();
        if (trustTruth.size() > 0) {
            // The reader's own ratings against one trustee: how much the reader outweighs them.
            RankParams picked = chosen;
            List<RankParams> tried = java.util.Arrays.stream(PERSONAL_HALVES).mapToObj(h -> picked.withWeights(
                    picked.implicitWeight(), picked.ratingWeight(), picked.popularityWeight(), h)).toList();
            double[] n = ndcg(model.model(), tried, trustTruth, true);
            for (int i = 0; i < PERSONAL_HALVES.length; i++) {
                halves.add(new double[] {PERSONAL_HALVES[i], n[i]});
            }
            double h = halves.stream().max(Comparator.comparingDouble(x -> x[1])).orElseThrow()[0];
            chosen = chosen.withWeights(chosen.implicitWeight(), chosen.ratingWeight(), chosen.popularityWeight(), h);
        }
        // The grid's first weights are implicit ALS alone, {1, 0, 0}, on the same reviewers: its NDCG is that figure.
        double implicitAlone = GRID.get(0)[0] == 1 && GRID.get(0)[1] == 0 && GRID.get(0)[2] == 0
                ? candidates.get(0).ndcg() : implicitNdcg(model, validation, relevantAt, maxReviewers, seed);
        return new Choice(chosen, candidates, implicitAlone, popularity, truth.size(), halves);
    }

    /** Without trust edges. */
    public static Choice tune(RankingModels.Indexed model, List<Row> validation, double relevantAt, int maxReviewers,
                              long seed) {
        return tune(model, validation, List.of(), relevantAt, maxReviewers, seed);
    }

    /** For u trusts v: v's list for u (seen: u's training films), scored against u's relevant validation films. */
    static Truth trustTruth(RankingModels.Indexed model, List<Row> validation, List<Row> trust, double relevantAt,
                            int maxEdges, long seed) {
        RankingModel m = model.model();
        Map<Integer, Set<Integer>> relevant = relevant(model, validation, relevantAt);
        List<int[]> kept = trustEdges(model, trust, relevant::containsKey,
                v -> m.opinions().start()[v + 1] > m.opinions().start()[v], maxEdges, seed);
        return new Truth(kept.stream().mapToInt(e -> e[0]).toArray(), kept.stream().mapToInt(e -> e[1]).toArray(),
                kept.stream().map(e -> relevant.get(e[0])).toList(),
                kept.stream().map(e -> opinionsOf(m, e[0])).toArray(int[][]::new));
    }

    /** The trust edges ranked: u has relevant validation films, v has opinions; a seeded sample of at most max. */
    private static List<int[]> trustEdges(RankingModels.Indexed model, List<Row> trust, IntPredicate relevant,
                                          IntPredicate hasOpinions, int maxEdges, long seed) {
        List<int[]> edges = new ArrayList<>();
        for (Row row : trust) {
            int u = model.reviewer(row.getString(0));
            int v = model.reviewer(row.getString(1));
            if (u >= 0 && v >= 0 && u != v && relevant.test(u) && hasOpinions.test(v)) {
                edges.add(new int[] {u, v});
            }
        }
        edges.sort((a, b) -> Long.compare(FoldEvaluator.mix(a[0] * 1_000_003L + a[1], seed),
                FoldEvaluator.mix(b[0] * 1_000_003L + b[1], seed)));
        return edges.subList(0, Math.min(maxEdges, edges.size()));
    }

    /**
     * The reviewers whose opinions and validation rows {@link #tune} reads: the validation reviewers it samples and
     * both ends of the trust edges it samples. A caller that collects only these (and gives {@code tune} a model with
     * only their opinions and only their validation rows) gets the same choice as with everything: the samples are
     * the first of a seeded order, and what is left out ranks after them.
     *
     * @param model        the model, whose every reviewer has training opinions (its opinions need not be filled)
     * @param relevantIds  reviewers with at least one validation rating at or above the relevant score, of a film
     *                     the model knows
     */
    public static Set<String> reviewersRead(RankingModels.Indexed model, Collection<String> relevantIds,
                                            List<Row> trust, int maxReviewers, long seed) {
        Set<Integer> relevant = new TreeSet<>();
        for (String id : relevantIds) {
            int r = model.reviewer(id);
            if (r >= 0) {
                relevant.add(r);
            }
        }
        Set<String> read = new HashSet<>();
        for (int r : FoldEvaluator.sample(relevant, maxReviewers, seed)) {
            read.add(model.reviewerIds()[r]);
        }
        for (int[] e : trustEdges(model, trust, relevant::contains, v -> true, maxReviewers, seed)) {
            read.add(model.reviewerIds()[e[0]]);
            read.add(model.reviewerIds()[e[1]]);
        }
        return read;
    }

    /** NDCG@10 of implicit ALS alone (what {@code vouch evaluate} tunes the peer's rank and alpha on). */
    public static double implicitNdcg(RankingModels.Indexed model, List<Row> validation, double relevantAt,
                                      int maxReviewers, long seed) {
        Truth truth = truth(model, validation, relevantAt, maxReviewers, seed);
        RankParams base = model.model().params();
        return ndcg(model.model().withParams(base.withWeights(1, 0, 0, base.personalHalf())), truth);
    }

    static Truth truth(RankingModels.Indexed model, List<Row> validation, double relevantAt, int maxReviewers,
                       long seed) {
        Map<Integer, Set<Integer>> relevant = relevant(model, validation, relevantAt);
        int[] reviewers = FoldEvaluator.sample(relevant.keySet(), maxReviewers, seed);
        int[][] seen = Arrays.stream(reviewers).mapToObj(r -> opinionsOf(model.model(), r)).toArray(int[][]::new);
        return new Truth(reviewers, reviewers, Arrays.stream(reviewers).mapToObj(relevant::get).toList(), seen);
    }

    /** Relevant validation films per reviewer who has training opinions in the model. */
    private static Map<Integer, Set<Integer>> relevant(RankingModels.Indexed model, List<Row> validation,
                                                       double relevantAt) {
        RankingModel m = model.model();
        Map<Integer, Set<Integer>> relevant = new TreeMap<>();
        for (Row row : validation) {
            int r = model.reviewer(row.getString(0));
            int f = model.film(row.getString(1));
            if (r >= 0 && f >= 0 && !row.isNullAt(2) && row.getDouble(2) >= relevantAt - 1e-9
                    && m.opinions().start()[r + 1] > m.opinions().start()[r]) {
                relevant.computeIfAbsent(r, x -> new HashSet<>()).add(f);
            }
        }
        return relevant;
    }

    private static int[] opinionsOf(RankingModel m, int r) {
        return Arrays.copyOfRange(m.opinions().film(), m.opinions().start()[r], m.opinions().start()[r + 1]);
    }

    static double ndcg(RankingModel m, Truth truth) {
        return ndcg(m, List.of(m.params()), truth, false)[0];
    }

    /**
     * NDCG@10 over {@code truth} of each of {@code params} (on {@code base}'s arrays), ranked through {@link Ranker}
     * as served. A reviewer's {@link ReviewerView} depends only on the implicit and rating weights, not on the
     * popularity weight or the reader's weight ({@code personalHalf}): it is computed once per reviewer and distinct
     * pair of those two weights and reused for every candidate sharing them (48 grid candidates, 7 distinct pairs),
     * and its dot products, which no weight changes, once per reviewer ({@link ReviewerView.Dots}). The candidates'
     * models share the base model's arrays ({@link RankingModel#withParams}).
     *
     * @param withOwnRatings the request also folds in the truster's own training ratings ({@code trusted: [v],
     *                       ratings: u's opinions}, the trust edges' "reader plus trustee" list); else nothing is
     *                       folded in and u's training films are excluded
     */
    static double[] ndcg(RankingModel base, List<RankParams> params, Truth truth, boolean withOwnRatings) {
        // Candidates grouped by (implicit, rating) weight, in first-seen order: one view per group and reviewer
        Map<List<Double>, List<Integer>> groups = new LinkedHashMap<>();
        for (int c = 0; c < params.size(); c++) {
            RankParams p = params.get(c);
            groups.computeIfAbsent(List.of(p.implicitWeight(), p.ratingWeight()), k -> new ArrayList<>()).add(c);
        }
        Ranker.Request[] requests = java.util.stream.IntStream.range(0, truth.size())
                .mapToObj(j -> withOwnRatings ? ownPlusTrustee(base, truth, j)
                        : new Ranker.Request(new int[] {truth.trusted()[j]}, new double[] {1}, new int[0],
                                new double[0], truth.seen()[j], K))
                .toArray(Ranker.Request[]::new);
        double[][] n = new double[params.size()][truth.size()];
        RankingModel[] models = params.stream().map(base::withParams).toArray(RankingModel[]::new);
        java.util.stream.IntStream.range(0, truth.size()).parallel().forEach(j -> {
            // the reviewer's dot products once, for the view of every group
            ReviewerView.Dots dots = ReviewerView.Dots.of(base, truth.trusted()[j]);
            for (List<Integer> group : groups.values()) {
                ReviewerView view = ReviewerView.of(models[group.get(0)], truth.trusted()[j], dots);
                for (int c : group) {
                    Ranker.Ranking ranking = Ranker.rank(models[c], r -> view, requests[j], f -> true);
                    n[c][j] = Metrics.ndcgAtK(ranking.films(), truth.relevant().get(j), K);
                }
            }
        });
        return Arrays.stream(n).mapToDouble(Metrics::mean).toArray();
    }

    /** {@code trusted: [v], ratings: u's scored training opinions (at most the API's cap)} for trust edge j. */
    private static Ranker.Request ownPlusTrustee(RankingModel m, Truth trust, int j) {
        int[] films = trust.seen()[j];
        double[] norms = new double[films.length];
        int u = trust.truster()[j];
        for (int i = 0; i < films.length; i++) {
            norms[i] = m.opinions().norm()[m.opinions().start()[u] + i];
        }
        int[] keep = java.util.stream.IntStream.range(0, films.length).filter(i -> !Double.isNaN(norms[i]))
                .limit(Ranker.Request.MAX_RATINGS).toArray();
        return new Ranker.Request(new int[] {trust.trusted()[j]}, new double[] {1},
                Arrays.stream(keep).map(i -> films[i]).toArray(), Arrays.stream(keep).mapToDouble(i -> norms[i]).toArray(),
                new int[0], K);
    }

    private static double popularityNdcg(RankingModel m, Truth truth) {
        float[] counts = new float[m.filmCount()];
        for (int f = 0; f < counts.length; f++) {
            counts[f] = m.films().nRatings()[f] > 0 ? m.films().nRatings()[f] : Float.NaN;
        }
        double[] n = new double[truth.size()];
        for (int j = 0; j < n.length; j++) {
            Set<Integer> seen = new HashSet<>();
            Arrays.stream(truth.seen()[j]).forEach(seen::add);
            n[j] = Metrics.ndcgAtK(TopK.select(counts, K, Float.NEGATIVE_INFINITY, f -> !seen.contains(f)),
                    truth.relevant().get(j), K);
        }
        return Metrics.mean(n);
    }

    private static List<double[]> grid() {
        List<double[]> g = new ArrayList<>();
        for (double rating : new double[] {0, 0.02, 0.05, 0.1, 0.2, 0.5}) {
            for (double popularity : new double[] {0, 0.01, 0.03, 0.1, 0.3, 1, 3}) {
                g.add(new double[] {1, rating, popularity});
            }
        }
        for (double popularity : new double[] {0.5, 1, 2, 5, 10, 20}) {
            g.add(new double[] {0, 1, popularity});
        }
        return List.copyOf(g);
    }

    /** The choice as it goes into a manifest or metrics.json. */
    public static Map<String, Object> describe(Choice c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("implicit_weight", c.params().implicitWeight());
        m.put("rating_weight", c.params().ratingWeight());
        m.put("popularity_weight", c.params().popularityWeight());
        m.put("personal_half", c.params().personalHalf());
        m.put("personal_half_candidates", c.personalHalves().stream()
                .map(x -> Map.of("personal_half", x[0], "own_plus_trustee_ndcg_at_10", x[1])).toList());
        m.put("validation_reviewers", c.reviewers());
        Candidate chosen = c.candidates().stream().max(Comparator.comparingDouble(Candidate::objective)).orElseThrow();
        m.put("objective", "NDCG@10 over popularity's, averaged with the trustees' lists' where trust edges exist");
        m.put("validation_ndcg_at_10", chosen.ndcg());
        m.put("validation_trust_ndcg_at_10", Double.isNaN(chosen.trustNdcg()) ? null : chosen.trustNdcg());
        m.put("implicit_only_ndcg_at_10", c.implicitNdcg());
        m.put("popularity_ndcg_at_10", c.popularityNdcg());
        m.put("candidates", c.candidates().stream().map(x -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("implicit_weight", x.implicitWeight());
            o.put("rating_weight", x.ratingWeight());
            o.put("popularity_weight", x.popularityWeight());
            o.put("ndcg_at_10", x.ndcg());
            o.put("trust_ndcg_at_10", Double.isNaN(x.trustNdcg()) ? null : x.trustNdcg());
            o.put("objective", x.objective());
            return o;
        }).toList());
        return m;
    }
}
