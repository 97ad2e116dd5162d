package dev.vouch.jobs.train;

import dev.vouch.jobs.common.Checkpoints;
import static org.apache.spark.sql.functions.*;

import dev.vouch.jobs.publish.ModelTables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Builds the published model's tables (docs/DATA.md, section 2) from a snapshot and a fitted model. Pure
 * Dataset-to-Dataset transforms: nothing here reads or writes files.
 */
public final class ModelBuilder {
    private static final int TOP_TAGS_PER_REVIEWER = 10;
    private static final int TAGS_PER_FILM = 30;
    private static final double POPULARITY_DAMPING = 10.0;

    private final Dataset<Row> reviews;
    private final TrainParams params;

    /** @param reviews the snapshot's reviews table */
    public ModelBuilder(Dataset<Row> reviews, TrainParams params) {
        this.reviews = reviews;
        this.params = params;
    }

    /**
     * Every table of the model, given its ranking tables ({@link #rankingTables}): they were materialised once, so
     * what is written is exactly what was ranked with.
     */
    public Map<String, Dataset<Row>> build(Map<String, Dataset<Row>> rankingTables) {
        Map<String, Dataset<Row>> out = new LinkedHashMap<>(rankingTables);
        out.put(ModelTables.OPINIONS, reviews.select("reviewer_id", "film_id", "score", "scale_max", "score_norm",
                "aspects", "tags", "review_date"));
        out.put(ModelTables.FILM_TAGS, filmTags());
        out.put(ModelTables.FILM_ASPECTS, reviews.select(col("film_id"), explode(col("aspects")).as("a"))
                .groupBy(col("film_id"), lower(trim(col("a.name"))).as("aspect"))
                .agg(avg(col("a.score").divide(col("a.max"))).as("mean_norm"), count(lit(1)).cast("int").as("n")));
        // Both co-occurrence jobs start from the same liked films: compute them once.
        Dataset<Row> liked = Checkpoints.cut(liked());
        out.put(ModelTables.SIMILAR_FILMS, similarFilms(liked));
        out.put(ModelTables.KINDRED, kindred(liked, rankingTables));
        return out;
    }

    /** The index tables of one training run. */
    public record Indexed(Dataset<Row> reviewers, Dataset<Row> films) {}

    /** The two models of one training run: ratings (explicit) and who watched what (implicit). */
    public record Fitted(BiasedAlsModel explicit, ImplicitAls.Fitted implicit) {}

    /**
     * The reviewers and films tables (what the ranking engine reads besides opinions), checkpointed: computed once,
     * so ranking from them and writing them see the same numbers.
     */
    public Map<String, Dataset<Row>> rankingTables(Dataset<Row> snapshotFilms, Dataset<Row> snapshotReviewers,
                                                   Indexed indexed, Fitted fitted) {
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        out.put(ModelTables.REVIEWERS, Checkpoints.cut(withImplicit(reviewers(snapshotReviewers, indexed.reviewers(), fitted.explicit()),
                indexed.reviewers(), "reviewer_id", BiasedAls.REVIEWER, fitted.implicit().reviewerFactors())));
        out.put(ModelTables.FILMS, Checkpoints.cut(withImplicit(films(snapshotFilms, indexed.films(), fitted.explicit()),
                indexed.films(), "film_id", BiasedAls.FILM, fitted.implicit().filmFactors())));
        return out;
    }

    /**
     * The reviewers and films tables without their implicit factors, checkpointed: the part that every implicit model
     * fitted beside one explicit model shares (the evaluation's inner grid, a fold's peer, its readers' refit). Add an
     * implicit model with {@link #rankingTables(Map, Indexed, ImplicitAls.Fitted)}.
     */
    public Map<String, Dataset<Row>> explicitTables(Dataset<Row> snapshotFilms, Dataset<Row> snapshotReviewers,
                                                    Indexed indexed, BiasedAlsModel explicit) {
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        out.put(ModelTables.REVIEWERS, Checkpoints.cut(reviewers(snapshotReviewers, indexed.reviewers(), explicit)));
        out.put(ModelTables.FILMS, Checkpoints.cut(films(snapshotFilms, indexed.films(), explicit)));
        return out;
    }

    /** The ranking tables of {@link #explicitTables} with an implicit model's factors added, checkpointed. */
    public static Map<String, Dataset<Row>> rankingTables(Map<String, Dataset<Row>> explicitTables, Indexed indexed,
                                                          ImplicitAls.Fitted implicit) {
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        out.put(ModelTables.REVIEWERS, Checkpoints.cut(withImplicit(explicitTables.get(ModelTables.REVIEWERS),
                indexed.reviewers(), "reviewer_id", BiasedAls.REVIEWER, implicit.reviewerFactors())));
        out.put(ModelTables.FILMS, Checkpoints.cut(withImplicit(explicitTables.get(ModelTables.FILMS),
                indexed.films(), "film_id", BiasedAls.FILM, implicit.filmFactors())));
        return out;
    }

    /** The opinions the ranking engine reads: {@code reviewer_id, film_id, score_norm}. */
    public Dataset<Row> rankingOpinions() {
        return reviews.select("reviewer_id", "film_id", "score_norm");
    }

    private static Dataset<Row> withImplicit(Dataset<Row> table, Dataset<Row> index, String id, String idx,
                                             Dataset<Row> factors) {
        Dataset<Row> implicit = index.join(factors, index.col(idx).equalTo(factors.col("id")))
                .select(index.col(id).as("_id"), factors.col("features").as(ModelTables.IMPLICIT_FACTORS));
        return table.join(implicit, table.col(id).equalTo(implicit.col("_id")), "left").drop("_id");
    }

    private Dataset<Row> reviewers(Dataset<Row> names, Dataset<Row> index, BiasedAlsModel model) {
        Dataset<Row> stats = reviews.groupBy("reviewer_id").agg(
                count(lit(1)).cast("int").as("n_reviews"), count(col("score_norm")).cast("int").as("n_rated"),
                avg("score_norm").as("mean_norm"), stddev_pop("score_norm").as("sd_norm"));
        Dataset<Row> tags = topTags(reviews.select(col("reviewer_id").as("key"), explode(col("tags")).as("tag")),
                TOP_TAGS_PER_REVIEWER).withColumnRenamed("key", "reviewer_id").withColumnRenamed("tags", "top_tags");
        Dataset<Row> learned = index
                .join(model.biases().reviewers(), index.col(BiasedAls.REVIEWER)
                        .equalTo(model.biases().reviewers().col(BiasedAls.REVIEWER)), "left")
                .join(model.reviewerFactors(), index.col(BiasedAls.REVIEWER).equalTo(model.reviewerFactors().col("id")),
                        "left")
                .select(index.col("reviewer_id"), coalesce(col("reviewer_bias"), lit(0.0)).as("bias"),
                        col("features").as("factors"));
        return stats.join(names.select("reviewer_id", "display_name", "role"), "reviewer_id", "left")
                .join(tags, "reviewer_id", "left")
                .join(learned, "reviewer_id", "left")
                .select(col("reviewer_id"), coalesce(col("display_name"), col("reviewer_id")).as("name"), col("role"),
                        col("n_reviews"), col("n_rated"), col("mean_norm"), col("sd_norm"),
                        coalesce(col("bias"), lit(0.0)).as("bias"),
                        coalesce(col("top_tags"), array().cast("array<string>")).as("top_tags"), col("factors"));
    }

    private Dataset<Row> films(Dataset<Row> films, Dataset<Row> index, BiasedAlsModel model) {
        double mu = model.globalMean();
        Dataset<Row> stats = reviews.groupBy("film_id").agg(max("scale_max").as("scale_max"),
                count(col("score_norm")).cast("int").as("n_ratings"), avg("score_norm").as("mean_norm"),
                sum("score_norm").as("_sum"));
        Dataset<Row> learned = index
                .join(model.biases().films(), index.col(BiasedAls.FILM).equalTo(model.biases().films().col(BiasedAls.FILM)),
                        "left")
                .join(model.filmFactors(), index.col(BiasedAls.FILM).equalTo(model.filmFactors().col("id")), "left")
                .select(index.col("film_id"), coalesce(col("film_bias"), lit(0.0)).as("bias"), col("features").as("factors"));
        Column n = coalesce(col("n_ratings"), lit(0));
        return films.select("film_id", "title", "year", "genres").dropDuplicates("film_id")
                .join(stats, "film_id", "full_outer")
                .join(learned, "film_id", "left")
                .select(col("film_id"),
                        coalesce(col("title"), concat(lit("Film "), substring_index(col("film_id"), ":", -1))).as("title"),
                        col("year"), coalesce(col("genres"), array().cast("array<string>")).as("genres"),
                        coalesce(col("scale_max"), lit(10.0)).as("scale_max"), n.as("n_ratings"), col("mean_norm"),
                        coalesce(col("bias"), lit(0.0)).as("bias"),
                        coalesce(col("_sum"), lit(0.0)).plus(lit(POPULARITY_DAMPING * mu))
                                .divide(n.plus(lit(POPULARITY_DAMPING))).as("popularity"),
                        col("factors"));
    }

    private Dataset<Row> filmTags() {
        // Cut: the film count, the document frequencies and the weights all read it (at 10M opinions, 9M tags).
        Dataset<Row> counts = Checkpoints.cut(reviews.select(col("film_id"), explode(col("tags")).as("t"))
                .select(col("film_id"), lower(trim(col("t"))).as("tag")).filter(length(col("tag")).gt(0))
                .groupBy("film_id", "tag").agg(count(lit(1)).cast("int").as("count")));
        long nFilms = Math.max(1, counts.select("film_id").distinct().count());
        Dataset<Row> df = counts.groupBy("tag").agg(count(lit(1)).as("df"));
        Dataset<Row> weighted = counts.join(df, "tag").withColumn("w",
                lit(1.0).plus(log(col("count"))).multiply(log(lit((double) nFilms).divide(col("df"))).plus(lit(1e-9))));
        Dataset<Row> norms = weighted.groupBy("film_id").agg(sqrt(sum(col("w").multiply(col("w")))).as("norm"));
        return weighted.join(norms, "film_id")
                .withColumn("weight", col("w").divide(greatest(col("norm"), lit(1e-12))))
                .withColumn("_r", row_number().over(Window.partitionBy("film_id").orderBy(col("weight").desc(), col("tag"))))
                .filter(col("_r").leq(TAGS_PER_FILM))
                .select("film_id", "tag", "count", "weight");
    }

    /** Films each reviewer liked: rated at or above the reviewer's own mean. */
    Dataset<Row> liked() {
        Dataset<Row> rated = reviews.filter(col("score_norm").isNotNull());
        Dataset<Row> means = rated.groupBy("reviewer_id").agg(avg("score_norm").as("_mean"));
        return rated.join(means, "reviewer_id").filter(col("score_norm").geq(col("_mean")))
                .select("reviewer_id", "film_id");
    }

    private Dataset<Row> similarFilms(Dataset<Row> liked) {
        Dataset<Row> coLiked = Llr.similar(liked.select(col("reviewer_id").as("basket"), col("film_id").as("item")),
                params.maxLikedPerReviewer(), params.topSimilar(), 2, params.seed());
        Dataset<Row> filmTag = reviews.select(col("film_id"), explode(col("tags")).as("t"))
                .select(lower(trim(col("t"))).as("basket"), col("film_id").as("item"));
        Dataset<Row> sharedTags = Llr.similar(filmTag, params.maxLikedPerReviewer(), params.topSimilar(), 2,
                params.seed());
        return coLiked.select(col("item").as("film_id"), col("other").as("other_id"), lit(ModelTables.CO_LIKED).as("kind"),
                        col("llr").as("score"))
                .unionByName(sharedTags.select(col("item").as("film_id"), col("other").as("other_id"),
                        lit(ModelTables.SHARED_TAGS).as("kind"), col("llr").as("score")));
    }

    /** @param rankingTables the model's reviewers and films tables when built (they number the agreement grid) */
    private Dataset<Row> kindred(Dataset<Row> liked, Map<String, Dataset<Row>> rankingTables) {
        Dataset<Row> candidates = Llr.similar(liked.select(col("film_id").as("basket"), col("reviewer_id").as("item")),
                params.maxLikedPerReviewer(), params.topSimilar() * 2, 2, params.seed());
        Dataset<Row> rated = reviews.filter(col("score_norm").isNotNull()).select("reviewer_id", "film_id", "score_norm");
        Agreement.Ids ids = rankingTables.containsKey(ModelTables.REVIEWERS) && rankingTables.containsKey(ModelTables.FILMS)
                ? Agreement.Ids.of(rankingTables.get(ModelTables.REVIEWERS), rankingTables.get(ModelTables.FILMS))
                : Agreement.Ids.of(rated);
        Dataset<Row> agreement = Agreement.of(rated, candidates, ids);
        return agreement.withColumn("score", col("llr").multiply(col("agreement")))
                .withColumn("_r", row_number().over(Window.partitionBy("item").orderBy(col("score").desc(), col("other"))))
                .filter(col("_r").leq(params.topSimilar()))
                .select(col("item").as("reviewer_id"), col("other").as("other_id"), col("score"), col("llr"),
                        col("co_rated"), col("agreement"));
    }

    /** The most frequent tags (lower case) per key, most frequent first. Input: {@code key, tag}. */
    static Dataset<Row> topTags(Dataset<Row> keyTag, int top) {
        return keyTag.select(col("key"), lower(trim(col("tag"))).as("tag")).filter(length(col("tag")).gt(0))
                .groupBy("key", "tag").agg(count(lit(1)).as("n"))
                .withColumn("_r", row_number().over(Window.partitionBy("key").orderBy(col("n").desc(), col("tag"))))
                .filter(col("_r").leq(top))
                .groupBy("key").agg(sort_array(collect_list(struct(col("_r"), col("tag")))).as("_t"))
                .select(col("key"), transform(col("_t"), t -> t.getField("tag")).as("tags"));
    }
}
