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
import org.apache.mahout.cf.taste.impl.similarity.GenericItemSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.LogLikelihoodSimilarity;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.model.PreferenceArray;
import org.apache.mahout.cf.taste.similarity.ItemSimilarity;
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
 * not how; {@link ExactLlr}: Mahout's values, counted without its per-pair set intersections), over the fold's
 * training ratings in normalised units. On a
 * validation split of FilmTrust's training data LLR gave RMSE 0.808 with 316 fallbacks where Pearson gave 0.868
 * with 668 (Pearson's negative weights make a weighted average of ratings unstable).
 * Mahout's ids are our reviewer and film indices as longs. Where Mahout has no estimate (an unknown reviewer or film,
 * or fewer than two co-rated neighbours) {@link #predict} returns NaN and the evaluator falls back and counts it.
 */
final class MahoutItemKnn implements FoldModel {
    private final GenericItemBasedRecommender recommender;
    private final GenericBooleanPrefItemBasedRecommender ranker;

    MahoutItemKnn(FoldSplit split) {
        DataModel data = dataModel(split);
        try {
            DataModel watched = new GenericBooleanPrefDataModel(GenericBooleanPrefDataModel.toDataMap(data));
            Incidence incidence = Incidence.of(watched, split.table.films);
            List<GenericItemSimilarity.ItemItemSimilarity> pairs = neighbourhoodPairs(incidence, NEIGHBOURS);
            ItemSimilarity similar = new Neighbourhood(pairs, split.table.films, new GenericItemSimilarity(pairs));
            this.ranker = new GenericBooleanPrefItemBasedRecommender(watched, similar,
                    new AllSimilarItemsCandidateItemsStrategy(similar), new AllSimilarItemsCandidateItemsStrategy(similar));
            // For rating estimates only: the sampling strategy bounds the candidates of this rating recommender.
            this.recommender = new GenericItemBasedRecommender(data, new ExactLlr(incidence),
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
        return neighbourhood(Incidence.of(watched, items), perItem);
    }

    private static GenericItemSimilarity neighbourhood(Incidence in, int perItem) {
        return new GenericItemSimilarity(neighbourhoodPairs(in, perItem));
    }

    /** Every item's {@code perItem} best pairs, item by item (the order {@link GenericItemSimilarity} reads them in). */
    private static List<GenericItemSimilarity.ItemItemSimilarity> neighbourhoodPairs(Incidence in, int perItem) {
        List<List<GenericItemSimilarity.ItemItemSimilarity>> perA = IntStream.range(0, in.count.length).parallel()
                .mapToObj(a -> neighbours(a, in, perItem)).toList();
        List<GenericItemSimilarity.ItemItemSimilarity> all = new ArrayList<>();
        perA.forEach(all::addAll);
        return all;
    }

    /**
     * A {@link GenericItemSimilarity} of the same pairs, answering {@link #itemSimilarities} with its values double
     * for double (a pair given twice keeps its last value, an item is 1.0 to itself, unknown pairs NaN) from arrays
     * instead of two boxed hash lookups per pair: Mahout's boolean recommender asks for every candidate film's
     * similarity to every film of the reviewer. {@link #allSimilarItemIDs} is the delegate's own, so the candidates
     * are met in the same order.
     */
    static final class Neighbourhood implements ItemSimilarity {
        private final GenericItemSimilarity delegate;
        private final int[][] others;
        private final double[][] values;
        private static final ThreadLocal<double[]> ROW = ThreadLocal.withInitial(() -> new double[0]);

        Neighbourhood(List<GenericItemSimilarity.ItemItemSimilarity> pairs, int items, GenericItemSimilarity delegate) {
            this.delegate = delegate;
            java.util.Map<Long, Double> last = new java.util.HashMap<>();
            for (GenericItemSimilarity.ItemItemSimilarity p : pairs) {
                long a = p.getItemID1();
                long b = p.getItemID2();
                if (a != b) {
                    last.put(Math.min(a, b) * items + Math.max(a, b), p.getValue());
                }
            }
            int[] degree = new int[items];
            for (long key : last.keySet()) {
                degree[(int) (key / items)]++;
                degree[(int) (key % items)]++;
            }
            others = new int[items][];
            values = new double[items][];
            for (int i = 0; i < items; i++) {
                others[i] = new int[degree[i]];
                values[i] = new double[degree[i]];
            }
            int[] filled = new int[items];
            last.forEach((key, value) -> {
                int a = (int) (key / items);
                int b = (int) (key % items);
                others[a][filled[a]] = b;
                values[a][filled[a]++] = value;
                others[b][filled[b]] = a;
                values[b][filled[b]++] = value;
            });
        }

        @Override
        public double itemSimilarity(long a, long b) {
            return itemSimilarities(a, new long[] {b})[0];
        }

        @Override
        public double[] itemSimilarities(long a, long[] ids) {
            double[] out = new double[ids.length];
            boolean known = a >= 0 && a < others.length;
            double[] row = ROW.get();
            if (known) {
                if (row.length < others.length) {
                    row = new double[others.length];
                    Arrays.fill(row, Double.NaN);
                    ROW.set(row);
                }
                int[] o = others[(int) a];
                double[] v = values[(int) a];
                for (int i = 0; i < o.length; i++) {
                    row[o[i]] = v[i];
                }
            }
            for (int i = 0; i < ids.length; i++) {
                long b = ids[i];
                out[i] = b == a ? 1.0 : known && b >= 0 && b < others.length ? row[(int) b] : Double.NaN;
            }
            if (known) {
                for (int other : others[(int) a]) {
                    row[other] = Double.NaN;
                }
            }
            return out;
        }

        @Override
        public long[] allSimilarItemIDs(long a) throws TasteException {
            return delegate.allSimilarItemIDs(a);
        }

        @Override
        public void refresh(java.util.Collection<org.apache.mahout.cf.taste.common.Refreshable> alreadyRefreshed) {
            // fixed pairs
        }
    }

    /**
     * Who has which item, both ways, as dense arrays over Mahout's user order and item ids {@code [0, items)}: the
     * counts every log-likelihood similarity is computed from.
     */
    record Incidence(int[][] itemsOf, int[][] usersOf, int[] count, int users) {
        static Incidence of(DataModel watched, int items) throws TasteException {
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
            return new Incidence(itemsOf, usersOf, count, users);
        }

        int count(long item) {
            return item >= 0 && item < count.length ? count[(int) item] : 0;
        }

        /**
         * Counts item {@code a}'s co-occurrences into the thread's scratch: {@code scratch[0][b]} users who have both,
         * {@code scratch[1]} the items touched, {@code scratch[2][0]} how many; {@link #clear} after use.
         */
        int[][] coOccurrences(int a) {
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
            scratch[2][0] = n;
            return scratch;
        }

        /** Zeroes the counts {@link #coOccurrences} left in the scratch. */
        static void clear(int[][] scratch) {
            for (int i = 0; i < scratch[2][0]; i++) {
                scratch[0][scratch[1][i]] = 0;
            }
            scratch[2][0] = 0;
        }
    }

    /**
     * {@link LogLikelihoodSimilarity} between items, as {@code CachingItemSimilarity} over it returns it (the pair
     * taken lower id first), double for double, from exact co-occurrence counts: {@link #itemSimilarities} counts the
     * item's co-occurrences with every item in one pass over its users' items instead of intersecting two user sets
     * per pair behind the cache's lock (the rating estimates of a fold went from 10.7 to 1.2 s).
     */
    static final class ExactLlr implements ItemSimilarity {
        private final Incidence in;

        ExactLlr(Incidence in) {
            this.in = in;
        }

        @Override
        public double itemSimilarity(long a, long b) {
            return itemSimilarities(a, new long[] {b})[0];
        }

        @Override
        public double[] itemSimilarities(long a, long[] others) {
            double[] out = new double[others.length];
            if (in.count(a) == 0) {
                Arrays.fill(out, Double.NaN);
                return out;
            }
            int[][] scratch = in.coOccurrences((int) a);
            int[] together = scratch[0];
            for (int i = 0; i < others.length; i++) {
                long b = others[i];
                long both = b == a ? in.count[(int) a] : in.count(b) == 0 ? 0 : together[(int) b];
                out[i] = both == 0 ? Double.NaN : similarity(Math.min(a, b), Math.max(a, b), both);
            }
            Incidence.clear(scratch);
            return out;
        }

        /** {@code LogLikelihoodSimilarity.doItemSimilarity(id1, id2, …)}'s arithmetic, in its order. */
        private double similarity(long id1, long id2, long both) {
            long preferring1 = in.count[(int) id1];
            long preferring2 = in.count[(int) id2];
            double llr = LogLikelihood.logLikelihoodRatio(both, preferring2 - both, preferring1 - both,
                    in.users - preferring1 - preferring2 + both);
            return 1.0 - 1.0 / (1.0 + llr);
        }

        @Override
        public long[] allSimilarItemIDs(long a) {
            if (in.count(a) == 0) {
                return new long[0];
            }
            int[][] scratch = in.coOccurrences((int) a);
            int n = scratch[2][0];
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = scratch[1][i];
            }
            Incidence.clear(scratch);
            Arrays.sort(out);
            return out;
        }

        @Override
        public void refresh(java.util.Collection<org.apache.mahout.cf.taste.common.Refreshable> alreadyRefreshed) {
            // the counts are fixed: one fold's training data
        }
    }

    /** Per thread: co-occurrence counts by item (all 0 between calls) and the items touched. */
    private static final ThreadLocal<int[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new int[][] {new int[0], new int[0], new int[1]});

    private static List<GenericItemSimilarity.ItemItemSimilarity> neighbours(int a, Incidence in, int perItem) {
        int[] count = in.count();
        int users = in.users();
        if (count[a] == 0) {
            return List.of();
        }
        int[][] scratch = in.coOccurrences(a);
        int[] together = scratch[0];
        int[] touched = scratch[1];
        int n = scratch[2][0];
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
        Incidence.clear(scratch);
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
