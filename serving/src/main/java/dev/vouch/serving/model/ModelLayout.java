package dev.vouch.serving.model;

import java.util.List;
import java.util.Map;

/**
 * The serving side's one set of names for the published-model contract (docs/DATA.md, section 2).
 * Parquet columns are snake_case; every name serving reads appears here and nowhere else.
 */
public final class ModelLayout {
    /** File in the models folder naming the version to serve. */
    public static final String CURRENT = "CURRENT";
    /** Folder in the models folder where each running server names the version it serves (for retention). */
    public static final String SERVING_LEASES = ".serving";
    /** File in each version folder listing tables, files and checksums. */
    public static final String MANIFEST = "manifest.json";
    /** The manifest format this code understands. */
    public static final int FORMAT_VERSION = 2;

    public static final String FILMS = "films";
    public static final String REVIEWERS = "reviewers";
    public static final String OPINIONS = "opinions";
    public static final String FILM_TAGS = "film_tags";
    public static final String FILM_ASPECTS = "film_aspects";
    public static final String SIMILAR_FILMS = "similar_films";
    public static final String KINDRED = "kindred";

    /** Optional: every reviewer's published {@link dev.vouch.engine.TopList} (computed on first use without it). */
    public static final String REVIEWER_LISTS = "reviewer_lists";

    /** Every table a version must contain, in load order. */
    public static final List<String> TABLES =
            List.of(FILMS, REVIEWERS, OPINIONS, FILM_TAGS, FILM_ASPECTS, SIMILAR_FILMS, KINDRED);
    /** Tables a version may contain; read when its manifest lists them. */
    public static final List<String> OPTIONAL_TABLES = List.of(REVIEWER_LISTS);

    /** The columns serving reads from each table; a version missing one is refused at load, naming it. */
    public static final Map<String, List<String>> COLUMNS = Map.of(
            FILMS, List.of("film_id", "title", "year", "genres", "scale_max", "n_ratings", "mean_norm", "bias",
                    "popularity", "factors", "implicit_factors"),
            REVIEWERS, List.of("reviewer_id", "name", "role", "n_reviews", "n_rated", "mean_norm", "sd_norm", "bias",
                    "top_tags", "factors", "implicit_factors"),
            OPINIONS, List.of("reviewer_id", "film_id", "score", "scale_max", "score_norm", "aspects", "tags",
                    "review_date"),
            FILM_TAGS, List.of("film_id", "tag", "count", "weight"),
            FILM_ASPECTS, List.of("film_id", "aspect", "mean_norm", "n"),
            SIMILAR_FILMS, List.of("film_id", "other_id", "kind", "score"),
            KINDRED, List.of("reviewer_id", "other_id", "score", "llr", "co_rated", "agreement"),
            REVIEWER_LISTS, List.of("reviewer_id", "film_ids", "scores", "complete"));

    /** The similar_films kinds written by the jobs. */
    public static final String KIND_CO_LIKED = "co_liked";
    public static final String KIND_SHARED_TAGS = "shared_tags";

    private ModelLayout() {
    }
}
