package dev.vouch.serving.model;

import dev.vouch.engine.Ranker;
import dev.vouch.engine.RankingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A test tool, not a test: the trust-set merge of a published model on one thread, without HTTP, for comparing ways of
 * computing it. Prints microseconds per request and a checksum of the answers (films and score bits), which must not
 * change between two ways of computing the same ranking.
 * <pre>java -cp … dev.vouch.serving.model.MergeBench MODELS_DIR [REQUESTS] [TRUSTED] [ROUNDS]</pre>
 */
public final class MergeBench {
    private MergeBench() {
    }

    /**
     * How many of the films on a trust set's lists a bound from the lists alone rules out: for a film on list i,
     * its own list score there plus, for each other list j, j's score of it when listed, else j's last score.
     */
    private static void bounds(RankingModel ranking, ReviewerLists lists, int requests, int trusted) {
        SplittableRandom random = new SplittableRandom(7);
        long films = 0;
        long ruled = 0;
        for (int q = 0; q < Math.min(requests, 300); q++) {
            int[] set = new int[trusted];
            for (int i = 0; i < trusted; i++) {
                set[i] = random.nextInt(ranking.reviewerCount());
            }
            double[] w = new double[trusted];
            Arrays.fill(w, 1);
            Ranker.Ranking r = Ranker.rank(ranking, v -> null, lists::of,
                    new Ranker.Request(set, w, new int[0], new double[0], new int[0], 10), f -> true);
            float kth = r.scores()[r.scores().length - 1];
            java.util.Map<Integer, double[]> listed = new java.util.HashMap<>();
            for (int i = 0; i < trusted; i++) {
                dev.vouch.engine.TopList l = lists.of(set[i]);
                for (int d = 0; d < l.size(); d++) {
                    listed.computeIfAbsent(l.films()[d], f -> new double[trusted + 1])[i] = l.scores()[d];
                }
            }
            for (double[] known : listed.values()) {
                double ub = 0;
                for (int i = 0; i < trusted; i++) {
                    dev.vouch.engine.TopList l = lists.of(set[i]);
                    ub += (known[i] != 0 ? known[i] : l.scores()[l.size() - 1]) / trusted;
                }
                films++;
                if (ub < kth) {
                    ruled++;
                }
            }
            if (q == 0) {
                dev.vouch.engine.TopList l = lists.of(set[0]);
                System.out.printf("first set: 10th score %.4f; list 0 scores %.4f (1st) %.4f (100th) %.4f (500th)%n",
                        kth, l.scores()[0], l.scores()[99], l.scores()[l.size() - 1]);
            }
        }
        System.out.printf("list bounds rule out %d of %d films met (%.1f%%)%n", ruled, films, 100.0 * ruled / films);
    }

    /** Whether the merge gives the dense ranking restricted to the films on the lists, for 20 trust sets. */
    private static void dense(RankingModel ranking, ReviewerLists lists, int trusted) {
        SplittableRandom random = new SplittableRandom(42);
        int same = 0;
        for (int q = 0; q < 20; q++) {
            int[] set = new int[trusted];
            for (int i = 0; i < trusted; i++) {
                set[i] = random.nextInt(ranking.reviewerCount());
            }
            double[] w = new double[trusted];
            Arrays.fill(w, 1);
            Ranker.Request request = new Ranker.Request(set, w, new int[0], new double[0], new int[0], 10);
            dev.vouch.engine.IntSet listed = new dev.vouch.engine.IntSet(5000);
            for (int r : set) {
                Arrays.stream(lists.of(r).films()).forEach(listed::add);
            }
            Ranker.Ranking merged = Ranker.rank(ranking, v -> null, lists::of, request, f -> true);
            Ranker.Ranking full = Ranker.rank(ranking, r -> dev.vouch.engine.ReviewerView.of(ranking, r), request,
                    listed::contains);
            if (Arrays.equals(merged.films(), full.films()) && Arrays.equals(merged.scores(), full.scores())
                    && Arrays.equals(merged.source(), full.source()) && Arrays.equals(merged.kind(), full.kind())) {
                same++;
            }
        }
        System.out.printf("merge equal to the dense ranking on the listed films: %d of 20 trust sets%n", same);
    }

    public static void main(String[] args) {
        Path models = Path.of(args[0]);
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int trusted = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Model model;
        try {
            model = new ModelLoader().load(models.resolve(Files.readString(models.resolve("CURRENT")).trim()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        RankingModel ranking = model.ranking();
        ReviewerLists lists = model.lists();
        int n = ranking.reviewerCount();
        for (int round = 0; round < rounds; round++) {
            SplittableRandom random = new SplittableRandom(42);
            long checksum = 0;
            long started = System.nanoTime();
            for (int q = 0; q < requests; q++) {
                int[] set = new int[trusted];
                for (int i = 0; i < trusted; i++) {
                    set[i] = random.nextInt(n);
                }
                double[] w = new double[trusted];
                Arrays.fill(w, 1);
                Ranker.Ranking r = Ranker.rank(ranking, v -> null, lists::of,
                        new Ranker.Request(set, w, new int[0], new double[0], new int[0], 10), f -> true);
                for (int i = 0; i < r.films().length; i++) {
                    checksum = checksum * 31 + r.films()[i];
                    checksum = checksum * 31 + Float.floatToIntBits(r.scores()[i]) + r.source()[i] * 7L + r.kind()[i];
                }
            }
            long ns = System.nanoTime() - started;
            if (round == 0) {
                bounds(ranking, lists, requests, trusted);
                dense(ranking, lists, trusted);
            }
            System.out.printf("round %d: %.1f us per request (%d requests of %d trusted), checksum %x%n", round,
                    ns / 1e3 / requests, requests, trusted, checksum);
        }
    }
}
