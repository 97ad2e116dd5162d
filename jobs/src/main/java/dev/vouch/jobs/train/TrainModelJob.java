package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.*;

import dev.vouch.engine.TopList;
import dev.vouch.jobs.common.Checkpoints;

import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.Tables;
import dev.vouch.jobs.common.Versioned;
import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.common.Warehouse;
import dev.vouch.jobs.evaluate.FoldFitter;
import dev.vouch.jobs.evaluate.RankingTuner;
import dev.vouch.jobs.publish.ModelPublisher;
import dev.vouch.jobs.publish.ModelTables;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
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

    public record Summary(String version, String path, String snapshot, TrainParams params,
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
            Dataset<Row> reviewerIndex = Checkpoints.cut(IndexTable.of(reviews, "reviewer_id", BiasedAls.REVIEWER));
            Dataset<Row> filmIndex = Checkpoints.cut(IndexTable.of(reviews, "film_id", BiasedAls.FILM));
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
                search = HyperSearch.run(rated, params, true);
                chosen = search.chosen();
                search.candidates().forEach(c -> progress.note(String.format("rank %d, reg %.3f: validation RMSE %.4f",
                        c.rank(), c.regParam(), c.validationRmse())));
            }
            RankingTuner.Choice ranking = tuneRanking(warehouse, snapshot, reviews, rated, reviewerIndex, filmIndex,
                    chosen, search == null ? null : search.onSplit());
            progress.step(String.format("fitting biased ALS (rank %d, reg %.3f, %d iterations) and implicit ALS (rank %d,"
                    + " alpha %.1f)", chosen.rank(), chosen.regParam(), chosen.maxIter(), chosen.implicit().rank(),
                    chosen.implicit().alpha()));
            BiasedAlsModel model = new BiasedAls(chosen).fit(rated);
            ImplicitAls.Fitted implicit = new ImplicitAls(chosen.implicit(), chosen.seed()).fit(rated);

            progress.step("building film vectors, LLR similarities, kindred reviewers and profiles");
            ModelBuilder builder = new ModelBuilder(reviews, chosen);
            Map<String, Dataset<Row>> tables = builder.build(builder.rankingTables(warehouse.read(snapshot, Tables.FILMS),
                    warehouse.read(snapshot, Tables.REVIEWERS), new ModelBuilder.Indexed(reviewerIndex, filmIndex),
                    new ModelBuilder.Fitted(model, implicit)));
            ModelPublisher.Draft draft = publisher.draft();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
                progress.step("writing " + t.getKey());
                rows.put(t.getKey(), draft.write(t.getKey(), t.getValue()));
            }
            progress.step("listing every reviewer's first " + TopList.SIZE + " films");
            rows.put(ModelTables.REVIEWER_LISTS, draft.write(ModelTables.REVIEWER_LISTS, ReviewerLists.of(
                    draft.read(ModelTables.REVIEWERS), rows.get(ModelTables.REVIEWERS), draft.read(ModelTables.FILMS),
                    draft.read(ModelTables.OPINIONS),
                    model.globalMean(), chosen.rank(), chosen.implicit().rank(), ranking.params())));
            Double validation = search == null ? null : search.candidates().stream()
                    .mapToDouble(HyperSearch.Candidate::validationRmse).min().orElse(Double.NaN);
            progress.step("publishing");
            Path published = draft.commit(ModelManifest.fields(Versioned.display(snapshot), model.globalMean(), chosen,
                    ranking.params(), RankingTuner.describe(ranking), evaluation(search, n)));
            return new Summary(draft.version(), Versioned.display(published), Versioned.display(snapshot), chosen,
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

    /**
     * The ranking engine's blend weights, tuned on the rating search's validation split: both models fitted on the
     * rest, ranked through the engine as served, NDCG@10 of the validation reviewers' relevant films.
     */
    /** Validation reviewers (and trust edges) ranked per tuning candidate, a seeded sample beyond it. */
    static final int TUNING_REVIEWERS = 2_000;

    private RankingTuner.Choice tuneRanking(Warehouse warehouse, Path snapshot, Dataset<Row> reviews,
                                            Dataset<Row> rated, Dataset<Row> reviewerIndex, Dataset<Row> filmIndex,
                                            TrainParams chosen, BiasedAlsModel onSplit) {
        progress.step("tuning the ranking blend on the validation split");
        Column validation = HyperSearch.isValidation(chosen);
        Dataset<Row> indexed = reviews.join(reviewerIndex, "reviewer_id").join(filmIndex, "film_id");
        FoldFitter fitter = new FoldFitter(warehouse.read(snapshot, Tables.FILMS),
                warehouse.read(snapshot, Tables.REVIEWERS), new ModelBuilder.Indexed(reviewerIndex, filmIndex));
        // The search's fit of the chosen parameters on this split, when there was a search (same rows, same model).
        BiasedAlsModel explicit = onSplit != null ? onSplit : new BiasedAls(chosen).fit(rated.filter(not(validation)));
        Dataset<Row> training = indexed.filter(not(validation));
        Dataset<Row> held = indexed.filter(validation.and(col("score_norm").isNotNull()))
                .select("reviewer_id", "film_id", "score_norm");
        List<Row> trust = warehouse.read(snapshot, Tables.TRUST).select("truster_id", "trustee_id").distinct()
                .collectAsList();
        // The tuner ranks a sample of reviewers: only their opinions and validation rows reach the driver. Who may be
        // sampled: a reviewer with a relevant validation rating of a film the model knows (its films: the snapshot's
        // and the training part's).
        Dataset<Row> modelFilms = warehouse.read(snapshot, Tables.FILMS).select("film_id")
                .union(training.select("film_id"));
        List<String> relevant = held.filter(col("score_norm").geq(RankingTuner.DEFAULT_RELEVANT_AT - 1e-9))
                .join(modelFilms, "film_id", "left_semi").select("reviewer_id").distinct()
                .as(Encoders.STRING()).collectAsList();
        Set<String> read = new HashSet<>();
        FoldFitter.Fit fit = fitter.fit(training, rated.filter(not(validation)), chosen, explicit, chosen.implicit(),
                ModelManifest.defaultRanking(chosen), bare -> {
                    read.addAll(RankingTuner.reviewersRead(bare, relevant, trust, TUNING_REVIEWERS, chosen.seed()));
                    return read;
                });
        List<Row> heldRead = held.join(broadcast(spark.createDataset(List.copyOf(read), Encoders.STRING())
                .toDF("reviewer_id")), "reviewer_id", "left_semi").collectAsList();
        RankingTuner.Choice choice = RankingTuner.tune(fit.ranking(), heldRead, trust, RankingTuner.DEFAULT_RELEVANT_AT,
                TUNING_REVIEWERS, chosen.seed());
        progress.note(String.format("implicit %.2f, rating %.2f, popularity %.2f: validation NDCG@10 %.4f (implicit "
                        + "alone %.4f, popularity %.4f, %d reviewers)", choice.params().implicitWeight(),
                choice.params().ratingWeight(), choice.params().popularityWeight(),
                choice.candidates().stream().max(java.util.Comparator.comparingDouble(
                        RankingTuner.Candidate::objective)).orElseThrow().ndcg(),
                choice.implicitNdcg(), choice.popularityNdcg(), choice.reviewers()));
        return choice;
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
