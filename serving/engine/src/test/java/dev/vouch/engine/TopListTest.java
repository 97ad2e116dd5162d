package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Ranking from each reviewer's {@link TopList} must give what the dense ranking gives, film for film and score for
 * score: serving answers from the lists while {@code vouch evaluate} scores the dense ranking.
 */
class TopListTest {
    @Test
    void aListIsTheDenseRankingsPrefix() {
        RankingModel m = random(new Random(1), 300, 20, 0.05);
        for (int r = 0; r < 20; r++) {
            ReviewerView view = ReviewerView.of(m, r);
            TopList list = TopList.of(m, view, 25);
            Ranker.Ranking dense = Ranker.rank(m, i -> view, Ranker.Request.trusting(r, 25), f -> true);
            assertThat(list.films()).containsExactly(dense.films());
            assertThat(list.scores()).containsExactly(dense.scores());
        }
    }

    @Test
    void aSourcesCellIsItsDenseViewAtThatFilm() {
        RankingModel m = random(new Random(2), 200, 10, 0.05);
        float[] v = new float[1];
        float[] z = new float[1];
        byte[] k = new byte[1];
        for (int r = 0; r < 10; r++) {
            ReviewerView view = ReviewerView.of(m, r);
            ReviewerView.Source source = ReviewerView.Source.of(m, r);
            for (int f = 0; f < 200; f++) {
                source.cell(f, v, z, k, 0);
                assertThat(Float.floatToIntBits(v[0])).isEqualTo(Float.floatToIntBits(view.values()[f]));
                assertThat(Float.floatToIntBits(z[0])).isEqualTo(Float.floatToIntBits(view.z(f)));
                assertThat(k[0]).isEqualTo(view.kind(f));
            }
        }
    }

    @Test
    void aFilmReviewedTwiceTakesItsLastScoredOpinionAsInTheDenseView() {
        // the contract does not forbid two opinions of one film by one reviewer (the synthetic million-film model has
        // them): the dense view applies them in order, so the last one with a score counts, and so must a source
        RankingModel base = random(new Random(3), 50, 1, 0.05);
        // (a binary search among the opinions lands on the middle 4, 0.5, and on the second 7, which has no score)
        float[] norm = {0.9f, 0.5f, 0.2f, 0.3f, Float.NaN, 0.8f, 0.6f, Float.NaN};
        int[] film = {4, 4, 4, 7, 7, 9, 12, 12};
        RankingModel m = new RankingModel(base.globalMean(), base.params(), base.reviewers(), base.films(),
                new RankingModel.OpinionArrays(new int[] {0, film.length}, film, norm));
        ReviewerView view = ReviewerView.of(m, 0);
        ReviewerView.Source source = ReviewerView.Source.of(m, 0);
        float[] v = new float[1];
        float[] z = new float[1];
        byte[] k = new byte[1];
        for (int f = 0; f < 50; f++) {
            source.cell(f, v, z, k, 0);
            assertThat(Float.floatToIntBits(v[0])).as("film %d", f).isEqualTo(Float.floatToIntBits(view.values()[f]));
            assertThat(Float.floatToIntBits(z[0])).isEqualTo(Float.floatToIntBits(view.z(f)));
            assertThat(k[0]).isEqualTo(view.kind(f));
        }
        // film 4 scored 0.2 last, film 7 0.3 (its last opinion has no score)
        assertThat(view.z(4)).isEqualTo((float) ((0.2f - m.center(0)) / m.spread(0)));
        assertThat(view.z(7)).isEqualTo((float) ((0.3f - m.center(0)) / m.spread(0)));
    }

    @Test
    void listsAnswerExactlyAsTheDenseRanking() {
        Random rnd = new Random(3);
        int checked = 0;
        int answeredFromLists = 0;
        for (int trial = 0; trial < 6; trial++) {
            RankingModel m = random(rnd, 400, 30, trial % 2 == 0 ? 0 : 0.08);
            // short lists run out often (the dense ranking answers), long ones rarely
            int size = trial < 3 ? 8 : 120;
            ReviewerView[] views = new ReviewerView[30];
            TopList[] lists = new TopList[30];
            for (int r = 0; r < 30; r++) {
                views[r] = ReviewerView.of(m, r);
                lists[r] = TopList.of(m, views[r], size);
            }
            int[] fromLists = {0};
            IntFunction<TopList> counting = r -> {
                fromLists[0]++;
                return lists[r];
            };
            for (int q = 0; q < 200; q++) {
                int n = 1 + rnd.nextInt(4);
                int[] trusted = rnd.ints(0, 30).distinct().limit(n).toArray();
                double[] weights = Arrays.stream(trusted).mapToDouble(t -> 0.5 + rnd.nextInt(4)).toArray();
                int[] seen = rnd.ints(rnd.nextInt(5), 0, 400).toArray();
                int limit = 1 + rnd.nextInt(15);
                int mod = 1 + rnd.nextInt(3);
                IntPredicate accept = f -> f % mod == 0;
                Ranker.Request request = new Ranker.Request(trusted, weights, new int[0], new double[0], seen, limit);
                Ranker.Ranking dense = Ranker.rank(m, r -> views[r], request, accept);
                Ranker.Ranking listed = Ranker.rank(m, r -> views[r], counting, request, accept);
                assertThat(listed.films()).as("trial %d query %d", trial, q).containsExactly(dense.films());
                assertThat(listed.scores()).containsExactly(dense.scores());
                assertThat(listed.source()).containsExactly(dense.source());
                assertThat(listed.kind()).containsExactly(dense.kind());
                checked++;
            }
            answeredFromLists += fromLists[0];
        }
        assertThat(checked).isEqualTo(1200);
        assertThat(answeredFromLists).isGreaterThan(0);
    }

    @Test
    void aTrustSetStopsBeforeTheEndOfItsLists() {
        // two reviewers with the same taste: the best films top both lists, so a few rows settle the top 3
        RankingModel m = random(new Random(4), 1000, 2, 0, true);
        TopList a = TopList.of(m, ReviewerView.of(m, 0), 500);
        TopList b = TopList.of(m, ReviewerView.of(m, 1), 500);
        int[] cells = {0};
        // no dense views at all: the cells come from the factors, and a dense ranking would fail
        Ranker.Ranking r = Ranker.rank(m, i -> null, i -> i == 0 ? a : b, new Ranker.Request(new int[] {0, 1}, new double[] {1, 1}, new int[0], new double[0],
                new int[0], 3), f -> {
                    cells[0]++;
                    return true;
                });
        assertThat(r.films()).hasSize(3);
        assertThat(cells[0]).isLessThan(100);
    }

    @Test
    void aboveTheExactLimitTheBestFilmsOnTheListsAnswerScoredExactly() {
        // a catalogue above EXACT_FILMS: no dense views, the cells come from the factor rows (fetched ahead), and
        // when the lists run out the best of the films on them answer: the dense ranking restricted to those films
        Random rnd = new Random(5);
        int reviewers = 8;
        RankingModel m = random(rnd, Ranker.EXACT_FILMS + 10_000, reviewers, 0.05, false, 16, 16);
        ReviewerView[] views = new ReviewerView[reviewers];
        TopList[] lists = new TopList[reviewers];
        for (int r = 0; r < reviewers; r++) {
            views[r] = ReviewerView.of(m, r);
            lists[r] = TopList.of(m, views[r], 60);
        }
        for (int q = 0; q < 40; q++) {
            int[] trusted = rnd.ints(0, reviewers).distinct().limit(2 + rnd.nextInt(4)).toArray();
            double[] weights = Arrays.stream(trusted).mapToDouble(t -> 0.5 + rnd.nextInt(4)).toArray();
            int limit = 1 + rnd.nextInt(12);
            int mod = 1 + rnd.nextInt(2);
            IntPredicate accept = f -> f % mod == 0;
            java.util.BitSet onLists = new java.util.BitSet();
            for (int t : trusted) {
                Arrays.stream(lists[t].films()).forEach(onLists::set);
            }
            Ranker.Request request = new Ranker.Request(trusted, weights, new int[0], new double[0], new int[0], limit);
            Ranker.Ranking expected = Ranker.rank(m, r -> views[r], request, f -> onLists.get(f) && accept.test(f));
            Ranker.Ranking listed = Ranker.rank(m, r -> null, r -> lists[r], request, accept);
            assertThat(listed.films()).as("query %d", q).containsExactly(expected.films()).isNotEmpty();
            assertThat(listed.scores()).containsExactly(expected.scores());
            assertThat(listed.source()).containsExactly(expected.source());
            assertThat(listed.kind()).containsExactly(expected.kind());
        }
    }

    static RankingModel random(Random rnd, int films, int reviewers, double popularity) {
        return random(rnd, films, reviewers, popularity, false);
    }

    /** A random model of rank 3; {@code alike}: every reviewer has the same factors. */
    static RankingModel random(Random rnd, int films, int reviewers, double popularity, boolean alike) {
        return random(rnd, films, reviewers, popularity, alike, 3, 3);
    }

    /** A random model with explicit and implicit ranks of its own (implicit 0: no implicit model). */
    static RankingModel random(Random rnd, int films, int reviewers, double popularity, boolean alike, int rank,
                               int implicitRank) {
        return random(rnd, films, reviewers, popularity, alike, rank, implicitRank, 0.9);
    }

    /** {@code filmsPresent}: the share of films with factors on each side (1: every film has both). */
    static RankingModel random(Random rnd, int films, int reviewers, double popularity, boolean alike, int rank,
                               int implicitRank, double filmsPresent) {
        RankParams p = new RankParams(1, 0.1, popularity, 5, 0.1, 2, 0.1, 4, false);
        Factors fe = factors(rnd, films, rank, filmsPresent);
        Factors fi = implicitRank == 0 ? Factors.none(films, 1) : factors(rnd, films, implicitRank, filmsPresent);
        Factors re = factors(rnd, reviewers, rank, 0.95);
        Factors ri = implicitRank == 0 ? Factors.none(reviewers, 1) : factors(rnd, reviewers, implicitRank, 0.95);
        if (alike) {
            re = new Factors(rank, repeat(re.row(0), reviewers), filled(reviewers));
            ri = new Factors(implicitRank, repeat(ri.row(0), reviewers), filled(reviewers));
        }
        float[] rb = new float[reviewers];
        double[] mean = new double[reviewers];
        double[] sd = new double[reviewers];
        int[] start = new int[reviewers + 1];
        java.util.List<int[]> films0 = new java.util.ArrayList<>();
        java.util.List<float[]> norms0 = new java.util.ArrayList<>();
        int total = 0;
        for (int r = 0; r < reviewers; r++) {
            rb[r] = (float) (rnd.nextGaussian() * 0.05);
            mean[r] = rnd.nextDouble() < 0.1 ? Double.NaN : 0.4 + rnd.nextDouble() * 0.3;
            sd[r] = Double.isNaN(mean[r]) ? Double.NaN : 0.05 + rnd.nextDouble() * 0.2;
            int[] rated = rnd.ints(rnd.nextInt(Math.min(40, films)), 0, films).distinct().sorted().toArray();
            float[] norm = new float[rated.length];
            for (int i = 0; i < rated.length; i++) {
                norm[i] = rnd.nextDouble() < 0.1 ? Float.NaN : (float) (rnd.nextInt(11) / 10.0);
            }
            films0.add(rated);
            norms0.add(norm);
            start[r] = total;
            total += rated.length;
        }
        start[reviewers] = total;
        int[] film = new int[total];
        float[] norms = new float[total];
        for (int r = 0; r < reviewers; r++) {
            System.arraycopy(films0.get(r), 0, film, start[r], films0.get(r).length);
            System.arraycopy(norms0.get(r), 0, norms, start[r], norms0.get(r).length);
        }
        float[] fb = new float[films];
        int[] n = new int[films];
        for (int f = 0; f < films; f++) {
            fb[f] = (float) (rnd.nextGaussian() * 0.05);
            n[f] = rnd.nextInt(50);
        }
        return new RankingModel(0.55, p, new RankingModel.ReviewerArrays(rb, mean, sd, re, ri),
                new RankingModel.FilmArrays(fb, n, fe, fi), new RankingModel.OpinionArrays(start, film, norms));
    }

    private static Factors factors(Random rnd, int rows, int rank, double present) {
        float[] v = new float[rows * rank];
        boolean[] has = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            has[i] = rnd.nextDouble() < present;
            for (int k = 0; k < rank && has[i]; k++) {
                v[i * rank + k] = (float) (rnd.nextGaussian() * 0.3);
            }
        }
        return new Factors(rank, v, has);
    }

    private static float[] repeat(float[] row, int times) {
        float[] out = new float[row.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(row, 0, out, i * row.length, row.length);
        }
        return out;
    }

    private static boolean[] filled(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }
}
