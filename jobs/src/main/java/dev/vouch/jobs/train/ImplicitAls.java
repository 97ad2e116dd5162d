package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.*;

import dev.vouch.jobs.common.Checkpoints;

import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spark's own implicit-feedback ALS on who rated what: every (reviewer, film) with an opinion is a 1, everything else
 * unobserved. Its factors say what people choose to watch, which a rating model cannot know: ranked by
 * {@code x·y} alone it is the peer our ranking is measured against. Input columns: {@code reviewer_idx, film_idx}.
 */
public final class ImplicitAls {
    /** Floor of a rating-weighted confidence: a 0 would make Spark treat the film as not watched. */
    public static final double MIN_CONFIDENCE = 0.05;

    private final ImplicitParams params;
    private final long seed;

    public ImplicitAls(ImplicitParams params, long seed) {
        this.params = params;
        this.seed = seed;
    }

    /** {@code id int, features array<float>} for reviewers and for films. */
    public record Fitted(Dataset<Row> reviewerFactors, Dataset<Row> filmFactors, int rank) {}

    public Fitted fit(Dataset<Row> rated) {
        // Confidence 1 + alpha·watched: watched is 1, or the normalised score (a liked film counts more).
        Dataset<Row> watched = params.fromRatings()
                ? rated.groupBy(col(BiasedAls.REVIEWER), col(BiasedAls.FILM))
                        .agg(max(greatest(col(BiasedAls.RATING), lit(MIN_CONFIDENCE))).cast("float").as("watched"))
                : rated.select(col(BiasedAls.REVIEWER), col(BiasedAls.FILM)).distinct().withColumn("watched", lit(1.0f));
        int blocks = Math.max(2, rated.sparkSession().sparkContext().defaultParallelism() / 4);
        ALSModel als = new ALS().setImplicitPrefs(true).setRank(params.rank()).setAlpha(params.alpha())
                .setRegParam(params.regParam()).setMaxIter(params.maxIter()).setSeed(seed)
                .setNumUserBlocks(blocks).setNumItemBlocks(blocks).setCheckpointInterval(Checkpoints.alsInterval(rated.sparkSession()))
                .setUserCol(BiasedAls.REVIEWER).setItemCol(BiasedAls.FILM).setRatingCol("watched")
                .setColdStartStrategy("nan").fit(watched);
        return new Fitted(als.userFactors(), als.itemFactors(), params.rank());
    }
}
