package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted {@link BiasedAls}: immutable. Predictions are clipped to the normalised scale [0, 1]; a reviewer or film
 * the factors do not know (cold start) is predicted from the biases alone, never NaN.
 */
public final class BiasedAlsModel {
    private final Biases biases;
    private final ALSModel als;
    private final int rank;

    BiasedAlsModel(Biases biases, ALSModel als, int rank) {
        this.biases = biases;
        this.als = als;
        this.rank = rank;
    }

    public double globalMean() {
        return biases.globalMean();
    }

    public int rank() {
        return rank;
    }

    /** {@code id int, features array<float>} per reviewer. */
    public Dataset<Row> reviewerFactors() {
        return als.userFactors();
    }

    public Dataset<Row> filmFactors() {
        return als.itemFactors();
    }

    public Biases biases() {
        return biases;
    }

    /** Adds {@code prediction} (normalised) to rows holding reviewer_idx and film_idx. */
    public Dataset<Row> predict(Dataset<Row> pairs) {
        Dataset<Row> withBaseline = biases.apply(pairs);
        Dataset<Row> scored = als.transform(withBaseline);
        Column factor = when(isnan(col(BiasedAls.PREDICTION)).or(col(BiasedAls.PREDICTION).isNull()), lit(0.0))
                .otherwise(col(BiasedAls.PREDICTION));
        return scored.withColumn(BiasedAls.PREDICTION, clip(col("baseline").plus(factor))).drop("baseline");
    }

    static Column clip(Column c) {
        return greatest(lit(0.0), least(lit(1.0), c));
    }
}
