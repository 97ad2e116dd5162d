package dev.vouch.jobs.evaluate;

import dev.vouch.jobs.common.Checkpoints;
import static org.apache.spark.sql.functions.*;

import dev.vouch.jobs.common.Tables;
import dev.vouch.jobs.common.Versioned;
import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.common.Warehouse;
import dev.vouch.jobs.train.BiasedAls;
import dev.vouch.jobs.train.IndexTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The scored opinions of the latest snapshot, indexed and assigned to folds: on Spark for fitting ALS, and collected
 * to the driver for scoring. Opinions without a score (tags only) take no part.
 *
 * @param rated       {@code reviewer_idx, film_idx, rating (normalised), scale_max, fold, inner}, checkpointed
 * @param reviews     the scored opinions with every review column plus {@code reviewer_idx, film_idx, fold, inner}
 *                    (what the model tables are built from)
 * @param fitter      fits a fold's models and builds the served ranking model
 * @param reviewerIds reviewer id of each reviewer index; {@code filmIds} likewise
 * @param truster     trust edges whose two ends both have scored opinions, as reviewer indices
 * @param scoreCounts the rating distribution: score on its own scale → opinions
 * @param snapshot    where the data came from and how much there is, for metrics.json
 */
record EvaluationData(Dataset<Row> rated, Dataset<Row> reviews, FoldFitter fitter, RatingTable table,
                      String[] reviewerIds, String[] filmIds, int[] truster, int[] trustee,
                      Map<Double, Long> scoreCounts, Map<String, Object> snapshot) {

    /** One in this many training ratings of fold 1 is the inner validation split that tunes the ranking. */
    static final int INNER_PARTS = 10;

    static EvaluationData load(SparkSession spark, String warehouseDir, int folds, long seed) {
        Warehouse warehouse = new Warehouse(spark, warehouseDir);
        Path snapshotPath = warehouse.latest();
        Dataset<Row> reviews = warehouse.read(snapshotPath, Tables.REVIEWS);
        Dataset<Row> scored = reviews.filter(col("score_norm").isNotNull().and(col("score").isNotNull()));
        Dataset<Row> reviewerIndex = Checkpoints.cut(IndexTable.of(scored, "reviewer_id", BiasedAls.REVIEWER));
        Dataset<Row> filmIndex = Checkpoints.cut(IndexTable.of(scored, "film_id", BiasedAls.FILM));
        Dataset<Row> indexedReviews = Checkpoints.cut(scored.join(reviewerIndex, "reviewer_id").join(filmIndex, "film_id")
                .withColumn("fold", Folds.of(col("review_id"), folds, seed))
                .withColumn("inner", Folds.of(col("review_id"), INNER_PARTS, seed + 1).equalTo(0)));
        Dataset<Row> rated = indexedReviews.select(col(BiasedAls.REVIEWER), col(BiasedAls.FILM), col("fold"),
                col("score_norm").as(BiasedAls.RATING), col("score"), col("scale_min"), col("scale_max"), col("inner"));
        List<Row> rows = rated.select(RatingTable.COLUMNS[0], tail(RatingTable.COLUMNS)).collectAsList();
        if (rows.isEmpty()) {
            throw new VouchException("the snapshot has no scored opinions to evaluate: " + Versioned.display(snapshotPath));
        }
        int reviewers = (int) reviewerIndex.count();
        int films = (int) filmIndex.count();
        RatingTable table = RatingTable.of(rows, reviewers, films);
        String[] reviewerIds = ids(reviewerIndex, "reviewer_id", BiasedAls.REVIEWER, reviewers);
        String[] filmIds = ids(filmIndex, "film_id", BiasedAls.FILM, films);
        FoldFitter fitter = new FoldFitter(warehouse.read(snapshotPath, Tables.FILMS),
                warehouse.read(snapshotPath, Tables.REVIEWERS),
                new dev.vouch.jobs.train.ModelBuilder.Indexed(reviewerIndex, filmIndex));

        Dataset<Row> trust = warehouse.read(snapshotPath, Tables.TRUST);
        List<Row> edges = trust
                .join(reviewerIndex.toDF("truster_id", "u"), "truster_id")
                .join(reviewerIndex.toDF("trustee_id", "v"), "trustee_id")
                .select("u", "v").distinct().orderBy("u", "v").collectAsList();
        int[] truster = edges.stream().mapToInt(r -> r.getInt(0)).toArray();
        int[] trustee = edges.stream().mapToInt(r -> r.getInt(1)).toArray();

        Map<Double, Long> scoreCounts = new TreeMap<>();
        for (double s : table.score) {
            scoreCounts.merge(s, 1L, Long::sum);
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("path", Versioned.display(snapshotPath));
        snapshot.put("id", snapshotPath.getName());
        snapshot.put("sources", reviews.select("source").distinct().orderBy("source").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList());
        snapshot.put("opinions", reviews.count());
        snapshot.put("scored_opinions", (long) rows.size());
        snapshot.put("reviewers", reviewers);
        snapshot.put("films", films);
        snapshot.put("trust_edges", trust.count());
        snapshot.put("trust_edges_between_raters", (long) truster.length);
        return new EvaluationData(rated.select(col(BiasedAls.REVIEWER), col(BiasedAls.FILM), col(BiasedAls.RATING),
                col("scale_max"), col("fold"), col("inner")), indexedReviews, fitter, table, reviewerIds, filmIds,
                truster, trustee, scoreCounts, snapshot);
    }

    private static String[] ids(Dataset<Row> index, String id, String idx, int size) {
        String[] out = new String[size];
        for (Row r : index.select(id, idx).collectAsList()) {
            out[r.getInt(1)] = r.getString(0);
        }
        return out;
    }

    /** The fold's training opinions (every review column), without the given reviewers (anonymous readers). */
    Dataset<Row> trainingReviews(int fold, int[] without) {
        return reviews.filter(col("fold").notEqual(fold).and(not(col(BiasedAls.REVIEWER).isin(boxed(without)))));
    }

    /** The fold's training ratings without the given reviewers. */
    Dataset<Row> training(int fold, int[] without) {
        return training(fold).filter(not(col(BiasedAls.REVIEWER).isin(boxed(without))));
    }

    /** The inner training part of fold's training opinions (every review column). */
    Dataset<Row> innerTrainingReviews(int fold) {
        return reviews.filter(col("fold").notEqual(fold).and(not(col("inner"))));
    }

    /** The inner validation rows of fold's training part: {@code reviewer_id, film_id, score_norm}. */
    java.util.List<Row> innerValidation(int fold) {
        return reviews.filter(col("fold").notEqual(fold).and(col("inner")))
                .select("reviewer_id", "film_id", "score_norm").collectAsList();
    }

    private static Object[] boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray();
    }

    /** The fold's training ratings on Spark, as {@link dev.vouch.jobs.train.BiasedAls#fit} and HyperSearch want. */
    Dataset<Row> training(int fold) {
        return rated.filter(col("fold").notEqual(fold)).drop("fold", "inner");
    }

    /** The inner training part of {@code fold}'s training ratings ({@link RatingTable#innerSplit}). */
    Dataset<Row> innerTraining(int fold) {
        return rated.filter(col("fold").notEqual(fold).and(not(col("inner")))).drop("fold", "inner");
    }

    private static String[] tail(String[] a) {
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }
}
