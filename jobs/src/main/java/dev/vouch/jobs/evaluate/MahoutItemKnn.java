package dev.vouch.jobs.evaluate;

import java.util.List;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.model.GenericBooleanPrefDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericUserPreferenceArray;
import org.apache.mahout.cf.taste.impl.recommender.GenericBooleanPrefItemBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.GenericItemBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.PreferredItemsNeighborhoodCandidateItemsStrategy;
import org.apache.mahout.cf.taste.impl.recommender.SamplingCandidateItemsStrategy;
import org.apache.mahout.cf.taste.impl.similarity.CachingItemSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.LogLikelihoodSimilarity;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.model.PreferenceArray;
import org.apache.mahout.cf.taste.recommender.RecommendedItem;

/**
 * The Mahout Taste baseline, used as Mahout intends for each task. Ranking: {@link
 * GenericBooleanPrefItemBasedRecommender} over boolean preferences (who rated what) with log-likelihood similarity,
 * {@code recommend()} over every film co-rated with the reviewer's films (Mahout's default candidates). Ratings:
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
            this.ranker = new GenericBooleanPrefItemBasedRecommender(watched,
                    new CachingItemSimilarity(new LogLikelihoodSimilarity(watched), CACHE_PAIRS));
            // For rating estimates only: the sampling strategy bounds the candidates of this rating recommender.
            this.recommender = new GenericItemBasedRecommender(data,
                    new CachingItemSimilarity(new LogLikelihoodSimilarity(data), CACHE_PAIRS),
                    new SamplingCandidateItemsStrategy(data.getNumUsers(), data.getNumItems()),
                    new PreferredItemsNeighborhoodCandidateItemsStrategy());
        } catch (TasteException e) {
            throw new IllegalStateException("Mahout data model: " + e.getMessage(), e);
        }
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
