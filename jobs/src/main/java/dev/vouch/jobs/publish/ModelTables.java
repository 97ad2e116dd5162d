package dev.vouch.jobs.publish;

import static org.apache.spark.sql.types.DataTypes.*;

import dev.vouch.jobs.common.Tables;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * Names and schemas of the published model's tables and files — the jobs side of docs/DATA.md, section 2. Every table
 * is checked against its schema here when it is written ({@link ModelPublisher.Draft#write}).
 */
public final class ModelTables {
    private ModelTables() {}

    public static final int FORMAT_VERSION = 2;
    public static final String POINTER = "CURRENT";
    public static final String MANIFEST = "manifest.json";

    public static final String REVIEWERS = "reviewers";
    public static final String FILMS = "films";
    public static final String OPINIONS = "opinions";
    public static final String FILM_TAGS = "film_tags";
    public static final String FILM_ASPECTS = "film_aspects";
    public static final String SIMILAR_FILMS = "similar_films";
    public static final String KINDRED = "kindred";
    public static final String[] ALL = {REVIEWERS, FILMS, OPINIONS, FILM_TAGS, FILM_ASPECTS, SIMILAR_FILMS, KINDRED};
    /**
     * Optional: every reviewer's first films of "I trust R" with their scores, computed from the tables above
     * (docs/DATA.md). A model without it is served too, its lists then computed on first use.
     */
    public static final String REVIEWER_LISTS = "reviewer_lists";

    /** Column of reviewers and films holding the implicit model's factors. */
    public static final String IMPLICIT_FACTORS = "implicit_factors";
    /** Manifest object with the ranking engine's weights and fold-in settings. */
    public static final String RANKING = "ranking";

    public static final String CO_LIKED = "co_liked";
    public static final String SHARED_TAGS = "shared_tags";

    private static final ArrayType FLOATS = createArrayType(FloatType, true);

    public static final StructType FILMS_SCHEMA = new StructType()
            .add("film_id", StringType).add("title", StringType).add("year", IntegerType)
            .add("genres", Tables.STRINGS).add("scale_max", DoubleType).add("n_ratings", IntegerType)
            .add("mean_norm", DoubleType).add("bias", DoubleType).add("popularity", DoubleType)
            .add("factors", FLOATS).add(IMPLICIT_FACTORS, FLOATS);
    public static final StructType REVIEWERS_SCHEMA = new StructType()
            .add("reviewer_id", StringType).add("name", StringType).add("role", StringType)
            .add("n_reviews", IntegerType).add("n_rated", IntegerType).add("mean_norm", DoubleType)
            .add("sd_norm", DoubleType).add("bias", DoubleType).add("top_tags", Tables.STRINGS)
            .add("factors", FLOATS).add(IMPLICIT_FACTORS, FLOATS);
    public static final StructType OPINIONS_SCHEMA = new StructType()
            .add("reviewer_id", StringType).add("film_id", StringType).add("score", DoubleType)
            .add("scale_max", DoubleType).add("score_norm", DoubleType).add("aspects", Tables.ASPECTS)
            .add("tags", Tables.STRINGS).add("review_date", DateType);
    public static final StructType FILM_TAGS_SCHEMA = new StructType()
            .add("film_id", StringType).add("tag", StringType).add("count", IntegerType).add("weight", DoubleType);
    public static final StructType FILM_ASPECTS_SCHEMA = new StructType()
            .add("film_id", StringType).add("aspect", StringType).add("mean_norm", DoubleType).add("n", IntegerType);
    public static final StructType SIMILAR_FILMS_SCHEMA = new StructType()
            .add("film_id", StringType).add("other_id", StringType).add("kind", StringType).add("score", DoubleType);
    public static final StructType KINDRED_SCHEMA = new StructType()
            .add("reviewer_id", StringType).add("other_id", StringType).add("score", DoubleType)
            .add("llr", DoubleType).add("co_rated", IntegerType).add("agreement", DoubleType);

    public static final StructType REVIEWER_LISTS_SCHEMA = new StructType()
            .add("reviewer_id", StringType).add("film_ids", createArrayType(StringType, true))
            .add("scores", FLOATS).add("complete", BooleanType);

    private static final Map<String, StructType> SCHEMAS = Map.of(FILMS, FILMS_SCHEMA, REVIEWERS, REVIEWERS_SCHEMA,
            OPINIONS, OPINIONS_SCHEMA, FILM_TAGS, FILM_TAGS_SCHEMA, FILM_ASPECTS, FILM_ASPECTS_SCHEMA,
            SIMILAR_FILMS, SIMILAR_FILMS_SCHEMA, KINDRED, KINDRED_SCHEMA, REVIEWER_LISTS, REVIEWER_LISTS_SCHEMA);

    /** The declared schema of a model table. */
    public static StructType schemaOf(String table) {
        StructType s = SCHEMAS.get(table);
        if (s == null) {
            throw new IllegalArgumentException("unknown model table " + table);
        }
        return s;
    }
}
