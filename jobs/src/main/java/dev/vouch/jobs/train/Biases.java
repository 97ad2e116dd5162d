package dev.vouch.jobs.train;

import dev.vouch.jobs.common.Checkpoints;
import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Damped baseline biases: {@code b_film = Σ(r − μ) / (n + λ)}, then {@code b_reviewer = Σ(r − μ − b_film) / (n + λ)},
 * (one pass, as in Koren's baseline predictor). Unknown reviewers and films get a bias of 0.
 *
 * @param reviewers columns {@code reviewer_idx, reviewer_bias}
 * @param films     columns {@code film_idx, film_bias}
 */
public record Biases(double globalMean, Dataset<Row> reviewers, Dataset<Row> films) {
    private static final int ROUNDS = 1;

    static Biases fit(Dataset<Row> ratings, double damping) {
        double mu = ratings.agg(avg(BiasedAls.RATING)).first().getDouble(0);
        Dataset<Row> users = ratings.select(col(BiasedAls.REVIEWER), lit(0.0).as("reviewer_bias")).distinct();
        Dataset<Row> films = null;
        // The per-reviewer and per-film sides are broadcast, never the ratings: left to its estimates Spark broadcast
        // the ratings themselves (collected to the driver, ~9 bytes a rating; LinearGrowthIT).
        for (int round = 0; round < ROUNDS; round++) {
            films = damped(ratings.join(broadcast(users), BiasedAls.REVIEWER),
                    col(BiasedAls.RATING).minus(mu).minus(col("reviewer_bias")), BiasedAls.FILM, "film_bias", damping);
            users = damped(ratings.join(broadcast(films), BiasedAls.FILM),
                    col(BiasedAls.RATING).minus(mu).minus(col("film_bias")), BiasedAls.REVIEWER, "reviewer_bias", damping);
        }
        return new Biases(mu, Checkpoints.cut(users), Checkpoints.cut(films));
    }

    private static Dataset<Row> damped(Dataset<Row> rows, Column offset, String key, String name, double damping) {
        return rows.groupBy(key).agg(sum(offset).divide(count(lit(1)).plus(damping)).as(name));
    }

    /** Adds {@code baseline = μ + b_reviewer + b_film} to rows that have reviewer_idx and film_idx. */
    public Dataset<Row> apply(Dataset<Row> rows) {
        return rows.join(broadcast(reviewers), BiasedAls.REVIEWER, "left")
                .join(broadcast(films), BiasedAls.FILM, "left")
                .withColumn("baseline", lit(globalMean).plus(coalesce(col("reviewer_bias"), lit(0.0)))
                        .plus(coalesce(col("film_bias"), lit(0.0))))
                .drop("reviewer_bias", "film_bias");
    }
}
