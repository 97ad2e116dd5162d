package dev.vouch.jobs.ingest;

import java.util.Locale;

/** The input formats {@code vouch ingest} reads. */
public enum SourceFormat {
    /** A folder of review documents (score line, aspects, tag line, body, author). */
    REVIEWS,
    /** A MovieLens folder: ratings.csv, and optionally tags.csv, movies.csv and Vouch's aspects.csv. */
    MOVIELENS,
    /** A FilmTrust folder: ratings.txt ({@code user item rating}, 0.5–4) and optionally trust.txt. */
    FILMTRUST,
    /** A CiaoDVD folder: movie-ratings.txt ({@code user,movie,genre,review,rating,date}, 1–5) and optionally trusts.txt. */
    CIAO,
    /** Any delimited ratings file, read through {@code --columns} and {@code --separator}. */
    DELIMITED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
