package dev.vouch.jobs.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FoldSplitTest {
    /**
     * Reviewer 0 rated films 0, 1, 2 in training (0.2, 0.6, 1.0: mean 0.6) and 3 (0.8) and 4 (0.4) in the test fold.
     * Reviewer 1 rated film 0 in training (0.5) and film 4 in the test fold (0.5).
     * Reviewer 2 has only a test rating: no mean, not ranked.
     */
    static RatingTable table() {
        int[] reviewer = {0, 0, 0, 0, 0, 1, 1, 2};
        int[] film = {0, 1, 2, 3, 4, 0, 4, 1};
        int[] fold = {1, 1, 1, 0, 0, 1, 0, 0};
        double[] norm = {0.2, 0.6, 1.0, 0.8, 0.4, 0.5, 0.5, 0.9};
        double[] score = new double[norm.length];
        double[] min = new double[norm.length];
        double[] max = new double[norm.length];
        for (int i = 0; i < norm.length; i++) {
            score[i] = norm[i] * 5;
            min[i] = 1;
            max[i] = 5;
        }
        return new RatingTable(reviewer, film, fold, norm, score, min, max, new boolean[norm.length], 3, 6);
    }

    @Test
    void trainingStatisticsSeeOnlyTrainingRows() {
        FoldSplit s = new FoldSplit(table(), 0);
        assertThat(s.testRows).containsExactly(3, 4, 6, 7);
        assertThat(s.trainSize).isEqualTo(4);
        assertThat(s.trainFilms[0]).containsExactly(0, 1, 2);
        assertThat(s.reviewerMean[0]).isCloseTo(0.6, within(1e-9));
        // population sd of 0.2, 0.6, 1.0: √((0.16 + 0 + 0.16) / 3) = 0.32660
        assertThat(s.reviewerSd[0]).isCloseTo(0.32660, within(1e-5));
        assertThat(s.reviewerMean[2]).isNaN();
        // film 0 rated twice in training, films 3, 4 and 5 never: not in the catalogue
        assertThat(s.filmCount[0]).isEqualTo(2);
        assertThat(s.catalogue).containsExactly(0, 1, 2);
        // (0.2 + 0.6 + 1.0 + 0.5) / 4 = 0.575
        assertThat(s.globalMean).isCloseTo(0.575, within(1e-9));
        assertThat(s.ratedInTraining(0, 1)).isTrue();
        assertThat(s.ratedInTraining(0, 3)).isFalse();
    }

    @Test
    void relevantIsAtOrAboveTheThreshold() {
        Map<Integer, Set<Integer>> relevant = new FoldSplit(table(), 0).relevant(0.5);
        // reviewer 0: 0.8 yes, 0.4 no; reviewer 1: 0.5 exactly; reviewer 2 has no training ratings
        assertThat(relevant).containsOnlyKeys(0, 1);
        assertThat(relevant.get(0)).containsExactly(3);
        assertThat(relevant.get(1)).containsExactly(4);
        assertThat(new FoldSplit(table(), 0).relevant(0.85)).isEmpty();
    }

    @Test
    void readersFoldInTheirRatingsButAreNotTrainedOn() {
        FoldSplit s = new FoldSplit(table(), 0, new boolean[] {false, true, false});
        // reviewer 1's training rating of film 0 is what they fold in, not a training row
        assertThat(s.trainFilms[1]).containsExactly(0);
        assertThat(s.filmCount[0]).isEqualTo(1);
        assertThat(s.trainSize).isEqualTo(3);
        assertThat(s.globalMean).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void onScaleMultipliesByScaleMaxAndClipsToTheScale() {
        RatingTable t = table();
        assertThat(t.onScale(0, 0.5)).isCloseTo(2.5, within(1e-9));
        // 0.1 × 5 = 0.5 is below the scale's floor of 1
        assertThat(t.onScale(0, 0.1)).isCloseTo(1.0, within(1e-9));
        assertThat(t.onScale(0, 1.3)).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void innerSplitDropsTheHeldOutFold() {
        RatingTable inner = table().innerSplit(0);
        assertThat(inner.size()).isEqualTo(4);
        assertThat(inner.fold).containsOnly(1);
    }
}
