package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Chooses rank and regularisation on a seeded validation split of the training ratings only, by RMSE on each
 * rating's own scale. Rows need {@code reviewer_idx, film_idx, rating, scale_max}.
 */
public final class HyperSearch {
    private HyperSearch() {}

    public record Candidate(int rank, double regParam, double validationRmse) {}

    /**
     * @param onSplit the chosen parameters fitted at full iterations on the split's training part (what the ranking
     *                tuner ranks with), or null when not asked for
     */
    public record Result(TrainParams chosen, List<Candidate> candidates, BiasedAlsModel onSplit) {}

    /** The seeded validation split, on rows with {@code reviewer_idx, film_idx}: the same rows for every caller. */
    public static Column isValidation(TrainParams params) {
        return pmod(xxhash64(col(BiasedAls.REVIEWER), col(BiasedAls.FILM), lit(params.seed())), lit(1000))
                .lt(lit((long) Math.round(params.validationFraction() * 1000)));
    }

    public static Result run(Dataset<Row> rated, TrainParams params) {
        return run(rated, params, false);
    }

    /**
     * @param fitChosen also fit the chosen parameters at full iterations on the split's training part
     *                  ({@link Result#onSplit}); the biases and residuals of that part are computed once for every fit
     */
    public static Result run(Dataset<Row> rated, TrainParams params, boolean fitChosen) {
        Column isValidation = isValidation(params);
        Dataset<Row> validation = rated.filter(isValidation).persist(StorageLevel.MEMORY_AND_DISK());
        List<Candidate> candidates = new ArrayList<>();
        try (BiasedAls.Prepared train = BiasedAls.prepare(rated.filter(not(isValidation)), params.biasReg())) {
            for (int rank : params.ranks()) {
                for (double reg : params.regParams()) {
                    // Fewer iterations while searching: candidates rank the same well before ALS converges.
                    BiasedAlsModel model = new BiasedAls(rank, reg, Math.max(4, params.maxIter() * 2 / 3),
                            params.biasReg(), params.seed())
                            .fit(train);
                    candidates.add(new Candidate(rank, reg, rmse(model.predict(validation))));
                }
            }
            Candidate best = candidates.stream().min(Comparator.comparingDouble(Candidate::validationRmse))
                    .orElseThrow();
            TrainParams chosen = params.withChosen(best.rank(), best.regParam());
            return new Result(chosen, candidates, fitChosen ? new BiasedAls(chosen).fit(train) : null);
        } finally {
            validation.unpersist();
        }
    }

    /** RMSE on each rating's own scale: normalised errors times the scale maximum. */
    public static double rmse(Dataset<Row> predicted) {
        Column err = col(BiasedAls.PREDICTION).minus(col(BiasedAls.RATING)).multiply(col("scale_max"));
        Row r = predicted.agg(sqrt(avg(err.multiply(err)))).first();
        return r.isNullAt(0) ? Double.NaN : r.getDouble(0);
    }
}
