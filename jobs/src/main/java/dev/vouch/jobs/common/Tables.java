package dev.vouch.jobs.common;

import static org.apache.spark.sql.types.DataTypes.*;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * Names and schemas of the ingest snapshot tables — the jobs side of the contract in docs/DATA.md.
 * Every job reads and writes these names through this class only.
 */
public final class Tables {
    private Tables() {}

    public static final String REVIEWS = "reviews";
    public static final String FILMS = "films";
    public static final String REVIEWERS = "reviewers";
    public static final String TRUST = "trust";
    public static final String REJECTS = "rejects";
    public static final String[] ALL = {REVIEWS, FILMS, REVIEWERS, TRUST, REJECTS};

    public static final StructType ASPECT = new StructType()
            .add("name", StringType, false)
            .add("score", DoubleType, false)
            .add("max", DoubleType, false);
    public static final ArrayType ASPECTS = createArrayType(ASPECT, false);
    public static final ArrayType STRINGS = createArrayType(StringType, false);

    public static final StructType REVIEWS_SCHEMA = new StructType()
            .add("review_id", StringType, false)
            .add("reviewer_id", StringType, false)
            .add("film_id", StringType, false)
            .add("score", DoubleType, true)
            .add("scale_min", DoubleType, false)
            .add("scale_max", DoubleType, false)
            .add("score_norm", DoubleType, true)
            .add("aspects", ASPECTS, false)
            .add("tags", STRINGS, false)
            .add("body", StringType, true)
            .add("review_date", DateType, true)
            .add("source", StringType, false)
            .add("source_file", StringType, false)
            .add("source_line", IntegerType, false);

    public static final StructType FILMS_SCHEMA = new StructType()
            .add("film_id", StringType, false)
            .add("title", StringType, true)
            .add("year", IntegerType, true)
            .add("genres", STRINGS, false)
            .add("source", StringType, false);

    public static final StructType REVIEWERS_SCHEMA = new StructType()
            .add("reviewer_id", StringType, false)
            .add("display_name", StringType, false)
            .add("role", StringType, true)
            .add("source", StringType, false);

    public static final StructType TRUST_SCHEMA = new StructType()
            .add("truster_id", StringType, false)
            .add("trustee_id", StringType, false)
            .add("weight", DoubleType, false)
            .add("source", StringType, false)
            .add("source_file", StringType, false)
            .add("source_line", IntegerType, false);

    public static final StructType REJECTS_SCHEMA = new StructType()
            .add("source", StringType, false)
            .add("file", StringType, false)
            .add("line", IntegerType, false)
            .add("raw", StringType, true)
            .add("reason", StringType, false);

    public static StructType schemaOf(String table) {
        return switch (table) {
            case REVIEWS -> REVIEWS_SCHEMA;
            case FILMS -> FILMS_SCHEMA;
            case REVIEWERS -> REVIEWERS_SCHEMA;
            case TRUST -> TRUST_SCHEMA;
            case REJECTS -> REJECTS_SCHEMA;
            default -> throw new IllegalArgumentException("unknown table " + table);
        };
    }
}
