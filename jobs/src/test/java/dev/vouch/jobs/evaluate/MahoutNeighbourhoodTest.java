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
}
