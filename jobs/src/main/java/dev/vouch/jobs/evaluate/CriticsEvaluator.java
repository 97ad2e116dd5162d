package dev.vouch.jobs.evaluate;

import dev.vouch.engine.CriticMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * "Which reviewers share my taste?" measured two ways, on a fold's served model:
 * <ul>
 *   <li>{@link Scenario#CRITICS_TRUST} (data with trust edges): for each truster with at least {@link #MIN_RATINGS}
 *       training ratings, every reviewer ranked from those ratings alone ({@link ServedModel#critics}, the code of
 *       {@code POST /api/critics/match}); Recall@10 and NDCG@10 of the truster's declared trustees, beside the
 *       most-active reviewers first and a seeded random order (the truster never counts as a candidate).</li>
 *   <li>{@link Scenario#CRITICS_FEW} ("the wisdom of the few"): for a seeded sample of known reviewers with at least
 *       {@link #MIN_RATINGS} training ratings and relevant held-out films, the top-k matched critics (k = 5, 10, 20)
 *       are trusted with their match as weight and ranked by {@link dev.vouch.engine.Ranker} ({@code POST
 *       /api/suggestions} with those critics and the reader's training films as seen); beside the reader's own
 *       fold-in ({@code ratings} alone) and popularity, scored against the reader's relevant held-out films.</li>
 * </ul>
 */
final class CriticsEvaluator {
    static final int MIN_RATINGS = 5;
    static final int[] PANEL_SIZES = {5, 10, 20};
    /** Readers scored per fold in the wisdom-of-the-few scenario (a seeded sample beyond it). */
    static final int MAX_READERS = 2_000;
    static final String MATCH = "critics_match";
    static final String MOST_ACTIVE = "most_active";
    static final String RANDOM = "random";
    static final String OWN = "own_fold_in";
    private static final int K = FoldEvaluator.K;

    private final FoldSplit split;
    private final ServedModel served;

    CriticsEvaluator(FoldSplit split, ServedModel served) {
        this.split = split;
        this.served = served;
    }

    static String panel(int k) {
        return "critics_top_" + k;
    }

    /** Trust recovery over the trusters of the given edges (reviewer indices). */
    List<Scores> trustRecovery(int[] truster, int[] trustee, long seed) {
        Map<Integer, Set<Integer>> trustees = new java.util.TreeMap<>();
        for (int e = 0; e < truster.length; e++) {
            if (truster[e] != trustee[e] && split.trainFilms[truster[e]].length >= MIN_RATINGS) {
                trustees.computeIfAbsent(truster[e], u -> new HashSet<>()).add(trustee[e]);
            }
        }
        int[] users = trustees.keySet().stream().mapToInt(Integer::intValue).toArray();
        List<Set<Integer>> rel = Arrays.stream(users).mapToObj(trustees::get).toList();
        int[] active = mostActive();
        long start = System.nanoTime();
        int[][] matched = IntStream.range(0, users.length).parallel().mapToObj(j -> served.critics(users[j],
                        split.trainFilms[users[j]], split.trainRatings[users[j]], K).stream()
                .mapToInt(CriticMatcher.Match::reviewer).toArray()).toArray(int[][]::new);
        double matchSeconds = FoldEvaluator.seconds(start);
        int[][] byActivity = Arrays.stream(users).mapToObj(u -> firstOthers(active, u)).toArray(int[][]::new);
        int[][] random = Arrays.stream(users).mapToObj(u -> randomOthers(u, seed)).toArray(int[][]::new);
        List<Scores> out = new ArrayList<>();
        out.add(new Scores(Scenario.CRITICS_TRUST.key, MATCH, users.length, recovery(matched, rel), matchSeconds));
        out.add(new Scores(Scenario.CRITICS_TRUST.key, MOST_ACTIVE, users.length, recovery(byActivity, rel), 0));
        out.add(new Scores(Scenario.CRITICS_TRUST.key, RANDOM, users.length, recovery(random, rel), 0));
        return out;
    }

    /** Wisdom of the few: panels of matched critics, the reader's own fold-in and popularity. */
    List<Scores> wisdomOfTheFew(Map<Integer, Set<Integer>> relevant, long seed) {
        Set<Integer> eligible = new HashSet<>();
        relevant.keySet().stream().filter(u -> split.trainFilms[u].length >= MIN_RATINGS).forEach(eligible::add);
        int[] users = FoldEvaluator.sample(eligible, MAX_READERS, seed);
        List<Set<Integer>> rel = Arrays.stream(users).mapToObj(relevant::get).toList();
        int largest = PANEL_SIZES[PANEL_SIZES.length - 1];
        long matchStart = System.nanoTime();
        List<List<CriticMatcher.Match>> panels = IntStream.range(0, users.length).parallel()
                .mapToObj(j -> served.critics(users[j], split.trainFilms[users[j]], split.trainRatings[users[j]],
                        largest)).toList();
        double matchSeconds = FoldEvaluator.seconds(matchStart);
        List<Scores> out = new ArrayList<>();
        for (int k : PANEL_SIZES) {
            long start = System.nanoTime();
            int[][] lists = IntStream.range(0, users.length).parallel().mapToObj(j -> {
                List<CriticMatcher.Match> panel = panels.get(j).stream().filter(m -> m.match() > 0).limit(k).toList();
                int[] trusted = panel.stream().mapToInt(CriticMatcher.Match::reviewer).toArray();
                double[] weights = panel.stream().mapToDouble(CriticMatcher.Match::match).toArray();
                return trusted.length == 0 ? new int[0]
                        : served.suggestWeighted(trusted, weights, split.trainFilms[users[j]], K);
            }).toArray(int[][]::new);
            out.add(new Scores(Scenario.CRITICS_FEW.key, panel(k), users.length, ListMetrics.of(lists, rel,
                    split.filmCount, split.catalogue.length, null, K), FoldEvaluator.seconds(start) + matchSeconds));
        }
        long start = System.nanoTime();
        int[][] own = IntStream.range(0, users.length).parallel().mapToObj(j -> served.suggest(new int[0],
                split.trainFilms[users[j]], split.trainRatings[users[j]], new int[0], K)).toArray(int[][]::new);
        out.add(new Scores(Scenario.CRITICS_FEW.key, OWN, users.length, ListMetrics.of(own, rel, split.filmCount,
                split.catalogue.length, null, K), FoldEvaluator.seconds(start)));
        FoldModel popularity = FoldModels.popularity(split);
        int[][] popular = Arrays.stream(users).mapToObj(u -> popularity.recommend(u, K)).toArray(int[][]::new);
        out.add(new Scores(Scenario.CRITICS_FEW.key, EvaluationResult.POPULARITY, users.length,
                ListMetrics.of(popular, rel, split.filmCount, split.catalogue.length, null, K), 0));
        return out;
    }

    /** Recall@10 and NDCG@10 of ranked reviewer lists against declared trustees. */
    static Map<String, Double> recovery(int[][] lists, List<Set<Integer>> trustees) {
        double[] recall = new double[lists.length];
        double[] ndcg = new double[lists.length];
        for (int j = 0; j < lists.length; j++) {
            recall[j] = Metrics.recallAtK(lists[j], trustees.get(j), K);
            ndcg[j] = Metrics.ndcgAtK(lists[j], trustees.get(j), K);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("recall_at_10", Metrics.mean(recall));
        m.put("ndcg_at_10", Metrics.mean(ndcg));
        return m;
    }

    /** Reviewers by training ratings, most first (ties: lower index). */
    private int[] mostActive() {
        return IntStream.range(0, split.trainFilms.length).boxed()
                .sorted((a, b) -> a.equals(b) ? 0 : split.trainFilms[a].length != split.trainFilms[b].length
                        ? Integer.compare(split.trainFilms[b].length, split.trainFilms[a].length)
                        : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int[] firstOthers(int[] order, int self) {
        return Arrays.stream(order).filter(r -> r != self).limit(K).toArray();
    }

    /** K reviewers with training ratings, other than the truster, in a seeded random order per truster. */
    private int[] randomOthers(int self, long seed) {
        Random random = new Random(FoldEvaluator.mix(self, seed));
        int n = split.trainFilms.length;
        Set<Integer> picked = new java.util.LinkedHashSet<>();
        int tries = 0;
        while (picked.size() < K && tries++ < 100 * K) {
            int r = random.nextInt(n);
            if (r != self && split.trainFilms[r].length > 0) {
                picked.add(r);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }
}
