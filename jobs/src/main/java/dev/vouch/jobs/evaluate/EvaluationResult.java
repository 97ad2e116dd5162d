package dev.vouch.jobs.evaluate;

import dev.vouch.jobs.train.HyperSearch;
import dev.vouch.jobs.train.ImplicitParams;
import dev.vouch.jobs.train.TrainParams;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one {@code vouch evaluate} run, before it is written out.
 *
 * @param chosen      the training parameters used on every fold (after the search, if any)
 * @param candidates  the rating search's candidates with their validation RMSE; empty without a search
 * @param implicit    the peer's implicit ALS (rank and alpha chosen on the inner split); ours is in {@code chosen}
 * @param implicitCandidates rank, alpha, rating-weighted (1/0), implicit-only and blended inner NDCG@10
 * @param ranking     the blend weights chosen on the inner split ({@link RankingTuner})
 * @param snapshot    data snapshot and counts ({@link EvaluationData#snapshot()})
 * @param scoreCounts rating distribution, score → opinions
 */
record EvaluationResult(EvaluateParams params, TrainParams chosen, List<HyperSearch.Candidate> candidates,
                        ImplicitParams implicit, List<double[]> implicitCandidates, RankingTuner.Choice ranking,
                        Map<String, Object> snapshot, Map<Double, Long> scoreCounts, List<FoldOutcome> folds,
                        double searchSeconds, double wallSeconds) {
    /** What sites receive: the ranking engine over our models. */
    static final String MODEL = "vouch";
    /** The peer: Spark's implicit-feedback ALS ranked by x·y. */
    static final String IMPLICIT_ALS = "spark_implicit_als";
    /** Our explicit rating model ranked by predicted rating alone. */
    static final String EXPLICIT_ALS = "explicit_als_by_rating";
    static final String GLOBAL_MEAN = "global_mean";
    static final String BIASES = "biases";
    static final String POPULARITY = "popularity";
    static final String MAHOUT = "mahout_item_knn";
    static final List<String> MODELS = List.of(MODEL, IMPLICIT_ALS, EXPLICIT_ALS, POPULARITY, BIASES, MAHOUT,
            GLOBAL_MEAN);

    EvaluationResult {
        candidates = List.copyOf(candidates);
        implicitCandidates = List.copyOf(implicitCandidates);
        folds = List.copyOf(folds);
    }
}
