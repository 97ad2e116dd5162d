package dev.vouch.jobs.publish;

/** Names of the published model's tables and files — the jobs side of docs/DATA.md, section 2. */
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

    /** Column of reviewers and films holding the implicit model's factors. */
    public static final String IMPLICIT_FACTORS = "implicit_factors";
    /** Manifest object with the ranking engine's weights and fold-in settings. */
    public static final String RANKING = "ranking";

    public static final String CO_LIKED = "co_liked";
    public static final String SHARED_TAGS = "shared_tags";
}
