package dev.vouch.jobs.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.common.FastIDSet;
import org.apache.mahout.cf.taste.impl.model.GenericBooleanPrefDataModel;
import org.apache.mahout.cf.taste.impl.similarity.GenericItemSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.LogLikelihoodSimilarity;
import org.apache.mahout.cf.taste.model.DataModel;
import org.junit.jupiter.api.Test;

/** The precomputed LLR neighbourhood Mahout ranks with is Mahout's own LLR similarity, keeping each item's best. */
class MahoutNeighbourhoodTest {
    private static final int ITEMS = 40;

    private static DataModel watched(long seed) {
        Random random = new Random(seed);
        FastByIDMap<FastIDSet> users = new FastByIDMap<>();
        for (int u = 0; u < 60; u++) {
            FastIDSet items = new FastIDSet();
            int n = 1 + random.nextInt(15);
            for (int i = 0; i < n; i++) {
                // skewed: low ids are popular, so similarities differ
                items.add((long) Math.min(ITEMS - 1, (int) Math.abs(random.nextGaussian() * 12)));
            }
            users.put(u, items);
        }
        return new GenericBooleanPrefDataModel(users);
    }

    @Test
    void keepsEachItemsTopNeighboursWithMahoutsOwnLlrValues() throws Exception {
        DataModel data = watched(7);
        LogLikelihoodSimilarity mahout = new LogLikelihoodSimilarity(data);
        int perItem = 5;
        GenericItemSimilarity kept = MahoutItemKnn.neighbourhood(data, ITEMS, perItem);
        int pairsChecked = 0;
        for (long a = 0; a < ITEMS; a++) {
            List<long[]> together = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (long b = 0; b < ITEMS; b++) {
                double s = a == b || !has(data, a) || !has(data, b) ? Double.NaN : mahout.itemSimilarity(a, b);
                if (!Double.isNaN(s)) {
                    together.add(new long[] {b});
                    values.add(s);
                }
            }
            // Mahout's best perItem neighbours of a (ties to the lower id) must all be kept, with Mahout's value.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer>comparingDouble(i -> -values.get(i)).thenComparingLong(i -> together.get(i)[0]));
            for (int i = 0; i < Math.min(perItem, order.size()); i++) {
                long b = together.get(order.get(i))[0];
                assertThat(kept.itemSimilarity(a, b)).as("similarity of %d and %d", a, b)
                        .isCloseTo(values.get(order.get(i)), within(1e-12));
                pairsChecked++;
            }
            // nothing kept that Mahout would not call similar at all
            for (long b : kept.allSimilarItemIDs(a)) {
                assertThat(mahout.itemSimilarity(a, b)).isNotNaN();
            }
        }
        assertThat(pairsChecked).isGreaterThan(ITEMS);
    }

    private static boolean has(DataModel data, long item) throws Exception {
        try {
            return data.getNumUsersWithPreferenceFor(item) > 0;
        } catch (org.apache.mahout.cf.taste.common.NoSuchItemException e) {
            return false;
        }
    }

    @Test
    void exactLlrIsMahoutsCachedLlrDoubleForDouble() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            DataModel data = watched(seed);
            org.apache.mahout.cf.taste.impl.similarity.CachingItemSimilarity mahout =
                    new org.apache.mahout.cf.taste.impl.similarity.CachingItemSimilarity(
                            new LogLikelihoodSimilarity(data), 10_000);
            MahoutItemKnn.ExactLlr exact = new MahoutItemKnn.ExactLlr(MahoutItemKnn.Incidence.of(data, ITEMS));
            // ids beyond the items, and items nobody has, included: Mahout calls them not similar (NaN)
            long[] all = new long[ITEMS + 2];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            int compared = 0;
            for (long a = 0; a < all.length; a++) {
                double[] got = exact.itemSimilarities(a, all);
                for (int i = 0; i < all.length; i++) {
                    double want = has(data, a) && has(data, all[i]) ? mahout.itemSimilarity(a, all[i]) : Double.NaN;
                    assertThat(Double.doubleToLongBits(got[i])).as("similarity of %d and %d", a, all[i])
                            .isEqualTo(Double.doubleToLongBits(want));
                    assertThat(Double.doubleToLongBits(exact.itemSimilarity(a, all[i])))
                            .isEqualTo(Double.doubleToLongBits(want));
                    compared += Double.isNaN(want) ? 0 : 1;
                }
                java.util.Set<Long> similar = new java.util.TreeSet<>();
                for (int i = 0; i < all.length; i++) {
                    if (!Double.isNaN(got[i]) && all[i] != a) {
                        similar.add(all[i]);
                    }
                }
                assertThat(exact.allSimilarItemIDs(a)).containsExactly(similar.stream().mapToLong(Long::longValue).toArray());
            }
            assertThat(compared).isGreaterThan(ITEMS * 5);
        }
    }

    @Test
    void neighbourhoodAnswersAsGenericItemSimilarityDoubleForDouble() throws Exception {
        Random random = new Random(11);
        List<GenericItemSimilarity.ItemItemSimilarity> pairs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // pairs both ways round, repeated with other values (the last one counts), and an item with itself
            long a = random.nextInt(ITEMS);
            long b = random.nextInt(ITEMS);
            pairs.add(new GenericItemSimilarity.ItemItemSimilarity(a, b, random.nextDouble()));
        }
        GenericItemSimilarity mahout = new GenericItemSimilarity(pairs);
        MahoutItemKnn.Neighbourhood fast = new MahoutItemKnn.Neighbourhood(pairs, ITEMS, mahout);
        long[] all = new long[ITEMS + 3];
        for (int i = 0; i < all.length; i++) {
            all[i] = i - 1; // -1 and ids beyond the items too
        }
        int similar = 0;
        for (long a : all) {
            double[] got = fast.itemSimilarities(a, all);
            for (int i = 0; i < all.length; i++) {
                double want = mahout.itemSimilarity(a, all[i]);
                assertThat(Double.doubleToLongBits(got[i])).as("similarity of %d and %d", a, all[i])
                        .isEqualTo(Double.doubleToLongBits(want));
                assertThat(Double.doubleToLongBits(fast.itemSimilarity(a, all[i])))
                        .isEqualTo(Double.doubleToLongBits(want));
                similar += Double.isNaN(want) || a == all[i] ? 0 : 1;
            }
            assertThat(fast.allSimilarItemIDs(a)).containsExactly(mahout.allSimilarItemIDs(a));
        }
        assertThat(similar).isGreaterThan(300);
    }
}
