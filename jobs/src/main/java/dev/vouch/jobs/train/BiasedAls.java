package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.*;

import dev.vouch.jobs.common.Checkpoints;

import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Collaborative filtering with baseline biases: {@code r ≈ μ + b_reviewer + b_film + p·q}. The biases are damped
 * means (a harsh critic's 7 is not a generous one's 7); Spark ALS then factorises what the biases leave.
 * Input columns: {@code reviewer_idx int, film_idx int, rating double} (normalised score).
 */
public final class BiasedAls {
    public static final String REVIEWER = "reviewer_idx";
    public static final String FILM = "film_idx";
    public static final String RATING = "rating";
    public static final String PREDICTION = "prediction";

    private final int rank;
    private final double regParam;
    private final int maxIter;
    private final double biasReg;
    private final long seed;

    public BiasedAls(int rank, double regParam, int maxIter, double biasReg, long seed) {
        this.rank = rank;
        this.regParam = regParam;
        this.maxIter = maxIter;
        this.biasReg = biasReg;
        this.seed = seed;
    }

    public BiasedAls(TrainParams p) {
        this(p.rank(), p.regParam(), p.maxIter(), p.biasReg(), p.seed());
    }

    /**
     * The biases of some ratings and the residuals they leave for ALS to factorise, persisted: computed once and
     * shared by every ALS fit on the same ratings and bias damping (the search's candidates, the ranking tuner's
     * model). Close to release the residuals.
     */
    public record Prepared(Biases biases, Dataset<Row> residuals, double biasReg) implements AutoCloseable {
        @Override
        public void close() {
            residuals.unpersist();
        }
    }

    /** Biases and residuals of {@code ratings} ({@code reviewer_idx, film_idx, rating}) with this damping. */
    public static Prepared prepare(Dataset<Row> ratings, double biasReg) {
        Dataset<Row> r = ratings.select(col(REVIEWER), col(FILM), col(RATING)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Biases biases = Biases.fit(r, biasReg);
            Dataset<Row> residuals = biases.apply(r)
                    .withColumn("residual", col(RATING).minus(col("baseline")))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            residuals.count();
            return new Prepared(biases, residuals, biasReg);
        } finally {
            r.unpersist();
        }
    }

    public BiasedAlsModel fit(Dataset<Row> ratings) {
        try (Prepared prepared = prepare(ratings, biasReg)) {
            return fit(prepared);
        }
    }

    /** ALS on prepared residuals (their damping must be this model's). */
    public BiasedAlsModel fit(Prepared prepared) {
        if (prepared.biasReg() != biasReg) {
            throw new IllegalArgumentException("residuals prepared with bias damping " + prepared.biasReg() + ", not "
                    + biasReg);
        }
        // Few ALS blocks: every block is a task in each of ALS's many stages, and for the data a local job sees
        // per-task overhead dominates the least-squares work. A cluster run gets one block per 4 partitions.
        int blocks = Math.max(2, prepared.residuals().sparkSession().sparkContext().defaultParallelism() / 4);
        ALSModel als = new ALS().setRank(rank).setNumUserBlocks(blocks).setNumItemBlocks(blocks).setRegParam(regParam)
                .setMaxIter(maxIter).setSeed(seed)
                .setUserCol(REVIEWER).setItemCol(FILM).setRatingCol("residual")
                .setImplicitPrefs(false).setNonnegative(false).setColdStartStrategy("nan")
                .setCheckpointInterval(Checkpoints.alsInterval(prepared.residuals().sparkSession()))
                .fit(prepared.residuals());
        return new BiasedAlsModel(prepared.biases(), als, rank);
    }
}
