package dev.vouch.jobs.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.common.FastIDSet;
import org.apache.mahout.cf.taste.impl.common.LongPrimitiveIterator;
import org.apache.mahout.cf.taste.impl.model.GenericBooleanPrefDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericUserPreferenceArray;
import org.apache.mahout.cf.taste.impl.recommender.GenericBooleanPrefItemBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.AllSimilarItemsCandidateItemsStrategy;
import org.apache.mahout.cf.taste.impl.recommender.GenericItemBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.PreferredItemsNeighborhoodCandidateItemsStrategy;
import org.apache.mahout.cf.taste.impl.recommender.SamplingCandidateItemsStrategy;
import org.apache.mahout.cf.taste.impl.similarity.CachingItemSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.GenericItemSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.LogLikelihoodSimilarity;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.model.PreferenceArray;
import org.apache.mahout.cf.taste.recommender.RecommendedItem;
import org.apache.mahout.math.stats.LogLikelihood;

/**
 * The Mahout Taste baseline, used as Mahout intends for each task. Ranking: {@link
 * GenericBooleanPrefItemBasedRecommender} over boolean preferences (who rated what) with a precomputed log-likelihood
 * neighbourhood, as Mahout's own item-similarity job feeds a recommender in production: for every film its
 * {@link #NEIGHBOURS} most similar films by {@link LogLikelihoodSimilarity}'s own formula (computed here from exact
 * co-occurrence counts of the fold's training data, {@link #neighbourhood}), held in a {@link GenericItemSimilarity};
 * {@code recommend()}'s candidates are the films similar to the reviewer's films ({@link
 * AllSimilarItemsCandidateItemsStrategy}). Scoring every film co-rated with the reviewer's against every one of their
 * films, uncached, made ranking every test reviewer impractical (minutes per hundred reviewers). Ratings:
 * item-based kNN ({@link GenericItemBasedRecommender}) with log-likelihood similarity between films (who rated both,
 * not how), cached, over the fold's training ratings in normalised units. On a
 * validation split of FilmTrust's training data LLR gave RMSE 0.808 with 316 fallbacks where Pearson gave 0.868
 * with 668 (Pearson's negative weights make a weighted average of ratings unstable).
 * Mahout's ids are our reviewer and film indices as longs. Where Mahout has no estimate (an unknown reviewer or film,
 * or fewer than two co-rated neighbours) {@link #predict} returns NaN and the evaluator falls back and counts it.
 */
final class MahoutItemKnn implements FoldModel {
    /** Similarity pairs kept in memory; Mahout's default (one per film) would evict during every recommend call. */
    private static final int CACHE_PAIRS = 1_000_000;

    private final GenericItemBasedRecommender recommender;
    private final GenericBooleanPrefItemBasedRecommender ranker;

    MahoutItemKnn(FoldSplit split) {
        DataModel data = dataModel(split);
        try {
            DataModel watched = new GenericBooleanPrefDataModel(GenericBooleanPrefDataModel.toDataMap(data));
            GenericItemSimilarity similar = neighbourhood(watched, split.table.films, NEIGHBOURS);
            this.ranker = new GenericBooleanPrefItemBasedRecommender(watched, similar,
                    new AllSimilarItemsCandidateItemsStrategy(similar), new AllSimilarItemsCandidateItemsStrategy(similar));
            // For rating estimates only: the sampling strategy bounds the candidates of this rating recommender.
            this.recommender = new GenericItemBasedRecommender(data,
                    new CachingItemSimilarity(new LogLikelihoodSimilarity(data), CACHE_PAIRS),
                    new SamplingCandidateItemsStrategy(data.getNumUsers(), data.getNumItems()),
                    new PreferredItemsNeighborhoodCandidateItemsStrategy());
        } catch (TasteException e) {
            throw new IllegalStateException("Mahout data model: " + e.getMessage(), e);
        }
    }

    /** Films kept per film in the precomputed neighbourhood: Mahout's item-similarity job's default. */
    static final int NEIGHBOURS = 100;

    /**
     * For every item its {@code perItem} most similar items by log-likelihood similarity ({@link
     * LogLikelihoodSimilarity#itemSimilarity}'s formula, {@code 1 − 1 / (1 + LLR)}, on the same counts), ties to the
     * lower id; items never seen together have no similarity, as in Mahout. Co-occurrence is counted once per item
     * with a dense counter over its users' items, so the cost is Σ over users of their item count squared, not a
     * similarity per pair of items.
     *
     * @param items item ids are in {@code [0, items)}
     */
    static GenericItemSimilarity neighbourhood(DataModel watched, int items, int perItem) throws TasteException {
        int users = watched.getNumUsers();
        int[][] itemsOf = new int[users][];
        int[] count = new int[items];
        LongPrimitiveIterator ids = watched.getUserIDs();
        for (int u = 0; ids.hasNext(); u++) {
            FastIDSet set = watched.getItemIDsFromUser(ids.nextLong());
            int[] a = new int[set.size()];
            LongPrimitiveIterator it = set.iterator();
            for (int i = 0; it.hasNext(); i++) {
                a[i] = (int) it.nextLong();
                count[a[i]]++;
            }
            Arrays.sort(a);
            itemsOf[u] = a;
        }
        int[][] usersOf = new int[items][];
        int[] filled = new int[items];
        for (int f = 0; f < items; f++) {
            usersOf[f] = new int[count[f]];
        }
        for (int u = 0; u < users; u++) {
            for (int f : itemsOf[u]) {
                usersOf[f][filled[f]++] = u;
            }
        }
        List<List<GenericItemSimilarity.ItemItemSimilarity>> perA = IntStream.range(0, items).parallel()
                .mapToObj(a -> neighbours(a, itemsOf, usersOf, count, users, perItem)).toList();
        List<GenericItemSimilarity.ItemItemSimilarity> all = new ArrayList<>();
        perA.forEach(all::addAll);
        return new GenericItemSimilarity(all);
    }

    /** Per thread: co-occurrence counts by item (all 0 between calls) and the items touched. */
    private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[][] {new int[0], new int[0]});

    private static List<GenericItemSimilarity.ItemItemSimilarity> neighbours(int a, int[][] itemsOf, int[][] usersOf,
                                                                             int[] count, int users, int perItem) {
        if (count[a] == 0) {
            return List.of();
        }
        int[][] scratch = SCRATCH.get();
        if (scratch[0].length < count.length) {
            scratch[0] = new int[count.length];
            scratch[1] = new int[count.length];
        }
        int[] together = scratch[0];
        int[] touched = scratch[1];
        int n = 0;
        for (int u : usersOf[a]) {
            for (int b : itemsOf[u]) {
                if (b != a && together[b]++ == 0) {
                    touched[n++] = b;
                }
            }
        }
        double[] similarity = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            int b = touched[i];
            long k11 = together[b];
            double llr = LogLikelihood.logLikelihoodRatio(k11, count[b] - k11, count[a] - k11,
                    users - count[a] - count[b] + k11);
            similarity[i] = 1.0 - 1.0 / (1.0 + llr);
            order[i] = i;
        }
        for (int i = 0; i < n; i++) {
            together[touched[i]] = 0;
        }
        Arrays.sort(order, (x, y) -> similarity[x] != similarity[y] ? Double.compare(similarity[y], similarity[x])
                : Integer.compare(touched[x], touched[y]));
        List<GenericItemSimilarity.ItemItemSimilarity> out = new ArrayList<>(Math.min(perItem, n));
        for (int i = 0; i < Math.min(perItem, n); i++) {
            out.add(new GenericItemSimilarity.ItemItemSimilarity(a, touched[order[i]], similarity[order[i]]));
        }
        return out;
    }

    static DataModel dataModel(FoldSplit split) {
        FastByIDMap<PreferenceArray> users = new FastByIDMap<>();
        for (int r = 0; r < split.trainFilms.length; r++) {
            int[] films = split.trainFilms[r];
            if (films.length == 0) {
                continue;
            }
            PreferenceArray prefs = new GenericUserPreferenceArray(films.length);
            prefs.setUserID(0, r);
            for (int i = 0; i < films.length; i++) {
                prefs.setItemID(i, films[i]);
                prefs.setValue(i, (float) split.trainRatings[r][i]);
            }
            users.put(r, prefs);
        }
        return new GenericDataModel(users);
    }

    @Override
    public double predict(int reviewer, int film) {
        try {
            return recommender.estimatePreference(reviewer, film);
        } catch (TasteException e) {
            // NoSuchUserException / NoSuchItemException: cold start, which the caller's fallback covers.
            return Double.NaN;
        }
    }

    @Override
    public int[] recommend(int reviewer, int k) {
        try {
            List<RecommendedItem> items = ranker.recommend(reviewer, k);
            return items.stream().mapToInt(i -> (int) i.getItemID()).toArray();
        } catch (TasteException e) {
            return new int[0];
        }
    }
}
