package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankerTest {
    private static Ranker.Ranking rank(RankingModel m, Ranker.Request r) {
        return Ranker.rank(m, i -> ReviewerView.of(m, i), r, f -> true);
    }

    @Test
    void aTrustedReviewerAloneRanksByTheirView() {
        RankingModel m = TinyModel.of(1, 0.1, 0);
        Ranker.Ranking r = rank(m, Ranker.Request.trusting(0, 10));
        // Ana: Arrival 1.1 (reviewed), Heat 0.39 (watched); Cats she disliked, Obscure nobody knows
        assertThat(r.films()).containsExactly(0, 1);
        assertThat(r.scores()[0]).isCloseTo(1.1f, within(1e-6f));
        assertThat(r.kind()).containsExactly(ReviewerView.REVIEWED, ReviewerView.WATCHED);
        assertThat(r.source()).containsExactly(0, 0);
    }

    @Test
    void thePopularityPriorAddsLogCounts() {
        RankingModel m = TinyModel.of(1, 0.1, 1);
        Ranker.Ranking r = rank(m, Ranker.Request.trusting(0, 10));
        // Arrival 1.1 + ln 4 = 2.486; Heat 0.39 + ln 3 = 1.489
        assertThat(r.scores()[0]).isCloseTo((float) (1.1 + Math.log(4)), within(1e-5f));
        assertThat(r.scores()[1]).isCloseTo((float) (0.39 + Math.log(3)), within(1e-5f));
    }

    @Test
    void aSourceWithoutAViewCountsInTheDenominator() {
        RankingModel m = TinyModel.of(1, 0.1, 0);
        // Ana and Cy, weights 1 and 3. Heat: Ana 0.39, Cy reviewed 0.6 (z = 0.1/0.05 = 2) → 1.2:
        // (0.39 + 3·1.2) / 4 = 0.9975. Arrival: Ana 1.1, Cy 0.3: (1.1 + 0.9) / 4 = 0.5.
        Ranker.Ranking r = rank(m, new Ranker.Request(new int[] {0, 2}, new double[] {1, 3}, new int[0],
                new double[0], new int[0], 10));
        assertThat(r.films()).startsWith(1, 0);
        assertThat(r.scores()[0]).isCloseTo(0.9975f, within(1e-5f));
        assertThat(r.scores()[1]).isCloseTo(0.5f, within(1e-5f));
        // Heat's strongest contributor is Cy (3·1.2 > 0.39), source index 1 of the request
        assertThat(r.source()[0]).isEqualTo(1);
    }

    @Test
    void seenAndRatedFilmsAreNeverReturned() {
        RankingModel m = TinyModel.of(1, 0.1, 0);
        Ranker.Ranking r = rank(m, new Ranker.Request(new int[] {0}, new double[] {1}, new int[] {1},
                new double[] {0.9}, new int[] {0}, 10));
        assertThat(r.films()).doesNotContain(0, 1);
    }

    @Test
    void theReaderWeighsByTheirRatingsOverPersonalHalf() {
        RankingModel m = TinyModel.of(1, 0.1, 0);
        // one rating, personal half 5: the reader weighs 1 · 1/5 against Ana's 1
        Ranker.Ranking withAna = rank(m, new Ranker.Request(new int[] {0}, new double[] {1}, new int[] {2},
                new double[] {0.9}, new int[0], 10));
        Ranker.Ranking alone = rank(m, new Ranker.Request(new int[0], new double[0], new int[] {2},
                new double[] {0.9}, new int[0], 10));
        assertThat(alone.reader()).isNotNull();
        assertThat(alone.source()).containsOnly(-1);
        // the reader's own view of Arrival, diluted 1:5 with Ana's 1.1
        float own = alone.reader().view(m).values()[0];
        assertThat(withAna.scores()[0]).isCloseTo((1.1f + own / 5) / 1.2f, within(1e-5f));
    }

    @Test
    void nobodyToAskMeansAnEmptyRanking() {
        RankingModel m = TinyModel.of(1, 0.1, 0);
        assertThat(rank(m, new Ranker.Request(new int[0], new double[0], new int[0], new double[0], new int[0], 5))
                .films()).isEmpty();
        assertThatThrownBy(() -> new Ranker.Request(new int[] {0}, new double[] {0}, new int[0], new double[0],
                new int[0], 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ranker.Request.trusting(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
