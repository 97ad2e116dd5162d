package dev.vouch.jobs.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Anonymous readers: reviewers held out of training whole, whose ratings outside the test fold are folded in as a site
 * would send them ({@code POST /api/suggestions {"ratings": [...]}}). Scored against their relevant held-out films,
 * beside the implicit ALS peer (the same fold-in with only the implicit model: Spark's user step for a new user) and
 * popularity.
 */
final class ReaderEvaluator {
    private static final int K = FoldEvaluator.K;
    /** The bar for "a reader who has rated something": at least this many ratings folded in. */
    static final int MANY = 10;

    private final FoldSplit split;
    private final Map<Integer, Set<Integer>> relevant;
    private final ServedModel served;
    private final ServedModel implicitOnly;

    ReaderEvaluator(FoldSplit split, Map<Integer, Set<Integer>> relevant, ServedModel served,
                    ServedModel implicitOnly) {
        this.split = split;
        this.relevant = relevant;
        this.served = served;
        this.implicitOnly = implicitOnly;
    }

    List<Scores> evaluate(int[] readers) {
        int[] all = Arrays.stream(readers)
                .filter(u -> relevant.containsKey(u) && split.trainFilms[u].length > 0).toArray();
        int[] many = Arrays.stream(all).filter(u -> split.trainFilms[u].length >= MANY).toArray();
        List<Scores> out = new ArrayList<>();
        for (Scenario s : List.of(Scenario.READERS, Scenario.READERS_10)) {
            int[] users = s == Scenario.READERS ? all : many;
            List<Set<Integer>> rel = Arrays.stream(users).mapToObj(relevant::get).toList();
            out.add(score(s, EvaluationResult.MODEL, users, rel, served));
            out.add(score(s, EvaluationResult.IMPLICIT_ALS, users, rel, implicitOnly));
            long start = System.nanoTime();
            FoldModel popularity = FoldModels.popularity(split);
            int[][] popular = IntStream.range(0, users.length).parallel()
                    .mapToObj(j -> popularity.recommend(users[j], K)).toArray(int[][]::new);
            out.add(new Scores(s.key, EvaluationResult.POPULARITY, users.length, ListMetrics.of(popular, rel,
                    split.filmCount, split.catalogue.length, null, K), FoldEvaluator.seconds(start)));
        }
        return out;
    }

    private Scores score(Scenario s, String name, int[] users, List<Set<Integer>> rel, ServedModel model) {
        long start = System.nanoTime();
        int[][] lists = IntStream.range(0, users.length).parallel().mapToObj(j -> model.suggest(new int[0],
                split.trainFilms[users[j]], split.trainRatings[users[j]], new int[0], K)).toArray(int[][]::new);
        return new Scores(s.key, name, users.length, ListMetrics.of(lists, rel, split.filmCount,
                split.catalogue.length, null, K), FoldEvaluator.seconds(start));
    }

    /** The readers of fold {@code fold}: a seeded tenth of the reviewers, a different tenth for each fold. */
    static boolean[] readers(int reviewers, int fold, long seed, double share) {
        boolean[] out = new boolean[reviewers];
        int buckets = (int) Math.round(1 / share);
        for (int r = 0; r < reviewers; r++) {
            out[r] = share > 0 && Math.floorMod(FoldEvaluator.mix(r, seed + 7), buckets) == fold % buckets;
        }
        return out;
    }
}
