package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blocked product must give every reviewer the list their dense view gives, bit for bit: published lists are
 * computed by {@link TopLists}, served lists by {@link TopList#of(RankingModel, ReviewerView)}.
 */
class TopListsTest {
    @Test
    void everyReviewersListIsTheDenseOne() {
        Random rnd = new Random(7);
        // more reviewers than one pass of lanes, more films than one cache block, lists both cut and complete
        int[][] shapes = {{1300, 75, 3, 3}, {2000, 40, 64, 32}, {700, 33, 16, 0}, {90, 5, 8, 8}};
        for (int[] shape : shapes) {
            for (double popularity : new double[] {0, 0.08}) {
                RankingModel m = TopListTest.random(rnd, shape[0], shape[1], popularity, false, shape[2], shape[3]);
                TopList[] lists = TopLists.of(m, 2);
                assertThat(lists).hasSize(shape[1]);
                int cut = 0;
                for (int r = 0; r < shape[1]; r++) {
                    TopList dense = TopList.of(m, ReviewerView.of(m, r));
                    assertThat(lists[r]).as("films %d reviewer %d popularity %s", shape[0], r, popularity)
                            .isEqualTo(dense);
                    cut += dense.complete() ? 0 : 1;
                }
                if (shape[0] > TopList.SIZE && shape[3] > 0) {
                    assertThat(cut).as("lists cut at %d films", TopList.SIZE).isPositive();
                }
            }
        }
    }

    /**
     * Blocks whose films all have both sides take {@code TopLists}' path without per-film checks. Factors holding NaN
     * make some of its values NaN, which it recomputes as the dense view does (a NaN side counts as none).
     */
    @Test
    void blocksWhereEveryFilmHasBothSidesGiveTheDenseListsToo() {
        Random rnd = new Random(9);
        int[][] shapes = {{1300, 120, 8, 8}, {600, 60, 32, 16}};
        for (int[] shape : shapes) {
            for (double popularity : new double[] {0, 0.08}) {
                RankingModel m = TopListTest.random(rnd, shape[0], shape[1], popularity, false, shape[2], shape[3], 1.0);
                for (int f = 5; f < shape[0]; f += 97) {
                    m.films().factors().values()[f * shape[2]] = Float.NaN;
                }
                for (int f = 7; f < shape[0]; f += 89) {
                    m.films().implicit().values()[f * shape[3]] = Float.NaN;
                }
                m.films().factors().values()[11 * shape[2]] = Float.NaN;
                m.films().implicit().values()[11 * shape[3]] = Float.NaN;
                TopList[] lists = TopLists.of(m, 2);
                int listed = 0;
                for (int r = 0; r < shape[1]; r++) {
                    TopList dense = TopList.of(m, ReviewerView.of(m, r));
                    assertThat(lists[r]).as("films %d reviewer %d popularity %s", shape[0], r, popularity)
                            .isEqualTo(dense);
                    for (int f : dense.films()) {
                        listed += f % 97 == 5 || f % 89 == 7 ? 1 : 0;
                    }
                }
                assertThat(listed).as("films with a NaN side on the lists, valued by their other side").isPositive();
            }
        }
    }

    @Test
    void aRangeOfReviewersIsTheSameAsTheirPartOfTheWhole() {
        RankingModel m = TopListTest.random(new Random(8), 600, 70, 0.05, false, 8, 8);
        TopList[] all = TopLists.of(m, 1);
        TopList[] part = TopLists.of(m, 31, 66);
        for (int i = 0; i < part.length; i++) {
            assertThat(part[i]).isEqualTo(all[31 + i]);
        }
        assertThatThrownBy(() -> TopLists.of(m, 60, 71)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPublishedListIsCheckedBeforeItIsServed() {
        TopList ok = TopList.published(new int[] {4, 2, 9}, new float[] {0.9f, 0.5f, 0.5f}, true, 10);
        assertThat(ok.films()).containsExactly(4, 2, 9);
        assertThatThrownBy(() -> TopList.published(new int[] {4, 9, 2}, new float[] {0.9f, 0.5f, 0.5f}, true, 10))
                .hasMessageContaining("out of order");
        assertThatThrownBy(() -> TopList.published(new int[] {4, 4}, new float[] {0.9f, 0.5f}, true, 10))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> TopList.published(new int[] {12}, new float[] {0.9f}, true, 10))
                .hasMessageContaining("unknown");
        assertThatThrownBy(() -> TopList.published(new int[] {1}, new float[] {0f}, true, 10))
                .hasMessageContaining("out of order");
        assertThatThrownBy(() -> TopList.published(new int[] {1}, new float[] {0.3f}, false, 10))
                .hasMessageContaining("not complete");
        assertThatThrownBy(() -> TopList.published(new int[] {1, 2}, new float[] {0.3f}, true, 10))
                .hasMessageContaining("2 films but 1 scores");
    }
}
