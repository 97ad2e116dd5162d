package dev.vouch.jobs.evaluate;

import dev.vouch.jobs.train.HyperSearch;
import dev.vouch.jobs.train.TrainParams;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one {@code vouch evaluate} run, before it is written out.
 *
 * @param chosen      the training parameters used on every fold (after the search, if any)
 * @param candidates  the search's candidates with their validation RMSE; empty without a search
 * @param prior       the popularity weight of our model's ranking, chosen on an inner split ({@link PriorRanking})
 * @param snapshot    data snapshot and counts ({@link EvaluationData#snapshot()})
 * @param scoreCounts rating distribution, score → opinions
 */
record EvaluationResult(EvaluateParams params, TrainParams chosen, List<HyperSearch.Candidate> candidates,
                        PriorRanking.Choice prior, Map<String, Object> snapshot, Map<Double, Long> scoreCounts, List<FoldOutcome> folds,
                        double searchSeconds, double wallSeconds) {
    /** Key of our model in every table; the baselines use their own names. */
    static final String MODEL = "model";
    /** Our model ranking by predicted z alone, without the popularity prior: what the prior adds. */
    static final String MODEL_PREDICTION_ONLY = "model_prediction_only";
    static final String GLOBAL_MEAN = "global_mean";
    static final String BIASES = "biases";
    static final String POPULARITY = "popularity";
    static final String MAHOUT = "mahout_item_knn";
    static final List<String> MODELS = List.of(MODEL, MODEL_PREDICTION_ONLY, GLOBAL_MEAN, BIASES, POPULARITY, MAHOUT);

    EvaluationResult {
        candidates = List.copyOf(candidates);
        folds = List.copyOf(folds);
    }
}
