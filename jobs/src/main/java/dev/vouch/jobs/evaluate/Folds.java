package dev.vouch.jobs.evaluate;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;

/**
 * Seeded k-fold assignment: {@code fold = pmod(xxhash64(review_id, seed), k)}. A function of the review's own id,
 * so the same snapshot, k and seed always give the same folds, whatever the partitioning, and every model of a run
 * sees the same folds. Each opinion lands in exactly one fold.
 */
public final class Folds {
    private Folds() {}

    public static Column of(Column reviewId, int k, long seed) {
        return pmod(xxhash64(reviewId, lit(seed)), lit((long) k)).cast("int");
    }
}
