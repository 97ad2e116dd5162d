package dev.vouch.serving.model;

import java.util.List;

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

    /** Every table a version must contain, in load order. */
    public static final List<String> TABLES =
            List.of(FILMS, REVIEWERS, OPINIONS, FILM_TAGS, FILM_ASPECTS, SIMILAR_FILMS, KINDRED);

    /** The similar_films kinds written by the jobs. */
    public static final String KIND_CO_LIKED = "co_liked";
    public static final String KIND_SHARED_TAGS = "shared_tags";

    private ModelLayout() {
    }
}
