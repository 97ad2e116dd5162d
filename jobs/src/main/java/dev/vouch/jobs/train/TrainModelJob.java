package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.*;

import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.Tables;
import dev.vouch.jobs.common.Versioned;
import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.common.Warehouse;
import dev.vouch.jobs.publish.ModelPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Trains a model from the latest warehouse snapshot and publishes it as a new version: biased ALS factors
 * (hyperparameters searched on a validation split of the training data), tag and aspect film vectors, Mahout LLR
 * film similarities and kindred reviewers, and the reviewer profiles serving needs for explanations.
 */
public final class TrainModelJob {
    private final SparkSession spark;
    private final Progress progress;

    public TrainModelJob(SparkSession spark, Progress progress) {
        this.spark = spark;
        this.progress = progress;
    }

    public record Summary(String version, String path, String snapshot, Map<String, Object> params,
                          Map<String, Long> rows, Double validationRmse, double seconds) {}

    public Summary run(String warehouseDir, String modelsDir, TrainParams params) {
        ModelPublisher publisher = new ModelPublisher(spark, modelsDir);
        // Held for the whole run: two trains at once could otherwise make an older snapshot's model CURRENT.
        try (ModelPublisher.Lease lease = publisher.lock("train from " + warehouseDir)) {
            return train(warehouseDir, publisher, params);
        }
    }

    private Summary train(String warehouseDir, ModelPublisher publisher, TrainParams params) {
        long started = System.nanoTime();
        Warehouse warehouse = new Warehouse(spark, warehouseDir);
        Path snapshot = warehouse.latest();
        progress.step("reading snapshot " + Versioned.display(snapshot));
        Dataset<Row> reviews = warehouse.read(snapshot, Tables.REVIEWS).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> reviewerIndex = IndexTable.of(reviews, "reviewer_id", BiasedAls.REVIEWER).localCheckpoint();
            Dataset<Row> filmIndex = IndexTable.of(reviews, "film_id", BiasedAls.FILM).localCheckpoint();
            Dataset<Row> rated = ratings(reviews, reviewerIndex, filmIndex).persist(StorageLevel.MEMORY_AND_DISK());
            long n = rated.count();
            if (n == 0) {
                throw new VouchException("the snapshot has no scored opinions to train on: " + Versioned.display(snapshot));
            }
            TrainParams chosen = params;
            HyperSearch.Result search = null;
            if (params.search()) {
                progress.step("searching rank × reg-param on a " + Math.round(params.validationFraction() * 100)
                        + "% validation split of " + n + " ratings");
                search = HyperSearch.run(rated, params);
                chosen = search.chosen();
                search.candidates().forEach(c -> progress.note(String.format("rank %d, reg %.3f: validation RMSE %.4f",
                        c.rank(), c.regParam(), c.validationRmse())));
            }
            progress.step(String.format("fitting biased ALS (rank %d, reg %.3f, %d iterations)", chosen.rank(),
                    chosen.regParam(), chosen.maxIter()));
            BiasedAlsModel model = new BiasedAls(chosen).fit(rated);

            progress.step("building film vectors, LLR similarities, kindred reviewers and profiles");
            Map<String, Dataset<Row>> tables = new ModelBuilder(reviews, chosen).build(
                    warehouse.read(snapshot, Tables.FILMS), warehouse.read(snapshot, Tables.REVIEWERS),
                    new ModelBuilder.Indexed(reviewerIndex, filmIndex), model);
            ModelPublisher.Draft draft = publisher.draft();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
                progress.step("writing " + t.getKey());
                rows.put(t.getKey(), draft.write(t.getKey(), t.getValue()));
            }
            Map<String, Object> paramMap = params(chosen);
            Double validation = search == null ? null : search.candidates().stream()
                    .mapToDouble(HyperSearch.Candidate::validationRmse).min().orElse(Double.NaN);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("source_snapshot", Versioned.display(snapshot));
            manifest.put("global_mean", model.globalMean());
            manifest.put("rank", chosen.rank());
            manifest.put("params", paramMap);
            manifest.put("evaluation", evaluation(search, n));
            progress.step("publishing");
            Path published = draft.commit(manifest);
            return new Summary(draft.version(), Versioned.display(published), Versioned.display(snapshot), paramMap,
                    rows, validation, (System.nanoTime() - started) / 1e9);
        } finally {
            reviews.unpersist();
        }
    }

    /** {@code reviewer_idx, film_idx, rating (normalised), scale_max} for every scored opinion. */
    static Dataset<Row> ratings(Dataset<Row> reviews, Dataset<Row> reviewerIndex, Dataset<Row> filmIndex) {
        return reviews.filter(col("score_norm").isNotNull())
                .join(reviewerIndex, "reviewer_id").join(filmIndex, "film_id")
                .select(col(BiasedAls.REVIEWER), col(BiasedAls.FILM), col("score_norm").as(BiasedAls.RATING),
                        col("scale_max"));
    }

    private static Map<String, Object> params(TrainParams p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", p.rank());
        m.put("reg_param", p.regParam());
        m.put("max_iter", p.maxIter());
        m.put("bias_reg", p.biasReg());
        m.put("seed", p.seed());
        m.put("searched_ranks", p.ranks());
        m.put("searched_reg_params", p.regParams());
        m.put("validation_fraction", p.validationFraction());
        m.put("max_liked_per_reviewer", p.maxLikedPerReviewer());
        m.put("top_similar", p.topSimilar());
        return m;
    }

    private static Map<String, Object> evaluation(HyperSearch.Result search, long ratings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ratings", ratings);
        if (search != null) {
            m.put("method", "hold-out validation split of the training ratings (own scale)");
            m.put("candidates", search.candidates());
            m.put("validation_rmse", search.candidates().stream().mapToDouble(HyperSearch.Candidate::validationRmse)
                    .min().orElse(Double.NaN));
        }
        return m;
    }
}
