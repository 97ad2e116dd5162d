package dev.vouch.jobs.ingest;

import static org.apache.spark.sql.functions.*;

import dev.vouch.jobs.common.Tables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Turns the staged records of one source into the snapshot tables. The duplicate rule: among records of the same
 * key (reviewer and film for opinions, film for films, truster and trustee for trust) the last one in reading order
 * (file name, then line) is kept; every earlier copy becomes a reject with the reason "duplicate". Tag and aspect
 * records are not duplicates: they merge into the opinion of their reviewer and film, which is created without a
 * score when no rating exists.
 */
final class SnapshotAssembler {
    private SnapshotAssembler() {}

    static final String DUPLICATE = "duplicate";

    /** The scale given to opinions that have no score of their own (tags only). */
    record Scale(double min, double max) {
        /** A scale scores can be normalised on ({@code score / max}): finite, {@code max > 0} and {@code max > min}. */
        static boolean usable(double min, double max) {
            return Double.isFinite(min) && Double.isFinite(max) && max > 0 && max > min;
        }
    }

    /**
     * Builds the snapshot tables of one source. {@code writeReviews} writes the reviews table and returns it read
     * back, so the tables derived from it (films, reviewers) do not recompute it.
     */
    static Map<String, Dataset<Row>> assemble(Dataset<Row> staged, String source, Scale scale,
                                              UnaryOperator<Dataset<Row>> writeReviews) {
        Dataset<Row> ok = staged.filter(col("reason").isNull());
        Dataset<Row> ratings = ok.filter(col("kind").equalTo("RATING"));
        Dataset<Row> ratingsRanked = lastWins(ratings, "reviewer", "film").persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> filmsRanked = lastWins(ok.filter(col("kind").equalTo("FILM")), "film");
        Dataset<Row> trustRanked = lastWins(ok.filter(col("kind").equalTo("TRUST")), "reviewer", "trustee");

        Dataset<Row> reviews = writeReviews.apply(reviews(kept(ratingsRanked), ok, source, scale));
        Dataset<Row> rejects = staged.filter(col("reason").isNotNull())
                .select(lit(source).as("source"), col("file"), col("line"), col("raw"), col("reason"))
                .unionByName(duplicates(ratingsRanked, source))
                .unionByName(duplicates(filmsRanked, source))
                .unionByName(duplicates(trustRanked, source));
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        out.put(Tables.REVIEWS, reviews);
        out.put(Tables.FILMS, films(kept(filmsRanked), kept(ratingsRanked), reviews, source));
        out.put(Tables.REVIEWERS, reviewers(kept(ratingsRanked), reviews, kept(trustRanked), source));
        out.put(Tables.TRUST, kept(trustRanked).select(col("reviewer").as("truster_id"), col("trustee").as("trustee_id"),
                col("weight"), lit(source).as("source"), col("file").as("source_file"), col("line").as("source_line")));
        out.put(Tables.REJECTS, rejects);
        return out;
    }

    /** For tests and callers that need no intermediate write. */
    static Map<String, Dataset<Row>> assemble(Dataset<Row> staged, String source, Scale scale) {
        return assemble(staged, source, scale, UnaryOperator.identity());
    }

    private static Dataset<Row> lastWins(Dataset<Row> rows, String... key) {
        Column[] keys = java.util.Arrays.stream(key).map(functions::col).toArray(Column[]::new);
        WindowSpec w = Window.partitionBy(keys).orderBy(col("file").desc(), col("line").desc());
        return rows.withColumn("_rank", row_number().over(w))
                .withColumn("_kept_file", first("file").over(w))
                .withColumn("_kept_line", first("line").over(w));
    }

    private static Dataset<Row> kept(Dataset<Row> ranked) {
        return ranked.filter(col("_rank").equalTo(1)).drop("_rank", "_kept_file", "_kept_line");
    }

    private static Dataset<Row> duplicates(Dataset<Row> ranked, String source) {
        return ranked.filter(col("_rank").gt(1)).select(lit(source).as("source"), col("file"), col("line"), col("raw"),
                concat(lit(DUPLICATE + ": the same key is given again at "), col("_kept_file"), lit(":"),
                        col("_kept_line").cast("string"), lit(", which is kept")).as("reason"));
    }

    private static Dataset<Row> reviews(Dataset<Row> ratings, Dataset<Row> ok, String source, Scale scale) {
        Dataset<Row> extras = ok.filter(col("kind").isin("TAG", "ASPECT"))
                .groupBy("reviewer", "film")
                .agg(sort_array(collect_list(struct(col("file"), col("line"), col("tags"), col("aspects"),
                        col("review_date")))).as("_parts"));
        Dataset<Row> r = ratings.as("r");
        Dataset<Row> e = extras.as("e");
        Dataset<Row> joined = r.join(e, col("r.reviewer").equalTo(col("e.reviewer"))
                        .and(col("r.film").equalTo(col("e.film"))), "full_outer")
                .select(coalesce(col("r.reviewer"), col("e.reviewer")).as("reviewer"),
                        coalesce(col("r.film"), col("e.film")).as("film"),
                        col("r.score"), col("r.scale_min"), col("r.scale_max"), col("r.tags"), col("r.aspects"),
                        col("r.body"), col("r.review_date"), col("r.file"), col("r.line"), col("e._parts"));
        Column parts = coalesce(col("_parts"), array());
        Column extraTags = flatten(transform(parts, p -> p.getField("tags")));
        Column extraAspects = flatten(transform(parts, p -> p.getField("aspects")));
        Column scaleMax = coalesce(col("scale_max"), lit(scale.max()));
        return joined.select(
                concat(col("reviewer"), lit("/"), col("film")).as("review_id"),
                col("reviewer").as("reviewer_id"),
                col("film").as("film_id"),
                col("score"),
                coalesce(col("scale_min"), lit(scale.min())).as("scale_min"),
                scaleMax.as("scale_max"),
                col("score").divide(scaleMax).as("score_norm"),
                concat(coalesce(col("aspects"), array().cast(Tables.ASPECTS)), extraAspects).as("aspects"),
                array_distinct(concat(coalesce(col("tags"), array().cast(Tables.STRINGS)), extraTags)).as("tags"),
                col("body"),
                coalesce(col("review_date"), try_element_at(parts, lit(1)).getField("review_date")).as("review_date"),
                lit(source).as("source"),
                coalesce(col("file"), try_element_at(parts, lit(1)).getField("file")).as("source_file"),
                coalesce(col("line"), try_element_at(parts, lit(1)).getField("line")).as("source_line"));
    }

    private static Dataset<Row> films(Dataset<Row> films, Dataset<Row> ratings, Dataset<Row> reviews, String source) {
        Dataset<Row> listed = films.select(col("film").as("film_id"), col("film_title").as("title"),
                col("film_year").as("year"), coalesce(col("genres"), array().cast(Tables.STRINGS)).as("genres"),
                lit(source).as("source"));
        // Films that opinions name but no film record lists: take what the opinions say of them (title, genre).
        Dataset<Row> named = ratings.groupBy(col("film").as("film_id")).agg(
                max(col("film_title")).as("title"), max(col("film_year")).as("year"),
                array_distinct(flatten(collect_list(coalesce(col("genres"), array().cast(Tables.STRINGS)))))
                        .as("genres"));
        Dataset<Row> referenced = reviews.select("film_id").distinct()
                .join(named, "film_id", "left")
                .join(listed.select("film_id"), "film_id", "left_anti")
                .select(col("film_id"), col("title"), col("year"),
                        coalesce(col("genres"), array().cast(Tables.STRINGS)).as("genres"), lit(source).as("source"));
        return listed.unionByName(referenced);
    }

    private static Dataset<Row> reviewers(Dataset<Row> ratings, Dataset<Row> reviews, Dataset<Row> trust, String source) {
        Dataset<Row> named = ratings.filter(col("reviewer_name").isNotNull()).groupBy(col("reviewer").as("reviewer_id"))
                .agg(max("reviewer_name").as("display_name"), max("reviewer_role").as("role"));
        Dataset<Row> ids = reviews.select("reviewer_id")
                .union(trust.select(col("reviewer").as("reviewer_id")))
                .union(trust.select(col("trustee").as("reviewer_id")))
                .distinct();
        Column fallback = concat(lit("Reviewer "), substring_index(col("reviewer_id"), ":", -1),
                lit(" (" + source + ")"));
        return ids.join(named, "reviewer_id", "left").select(col("reviewer_id"),
                coalesce(col("display_name"), fallback).as("display_name"), col("role"), lit(source).as("source"));
    }
}
