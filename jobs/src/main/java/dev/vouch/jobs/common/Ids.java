package dev.vouch.jobs.common;

import java.text.Normalizer;
import java.util.Locale;

/** Stable ids derived from the source. */
public final class Ids {
    private Ids() {}

    /** {@code source:raw} — the id of a record that has its own id in the source (MovieLens, FilmTrust…). */
    public static String of(String source, String raw) {
        String id = raw.trim();
        // A film named by the id every source shares (film:<slug>-<year>) stays that film in any source.
        return id.startsWith(SHARED_FILM) ? id : source + ":" + id;
    }

    /** The prefix of film ids shared by every source ({@link #filmFromTitle}). */
    public static final String SHARED_FILM = "film:";

    /**
     * A lower-case ASCII slug: accents folded, runs of anything but letters and digits turned into one dash.
     * "Amélie" → "amelie", "Inès Duarte" → "ines-duarte".
     */
    public static String slug(String text) {
        String folded = Normalizer.normalize(fold(text), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }

    /** Letters that Unicode does not decompose into a base letter and a mark. */
    private static String fold(String text) {
        return text.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe")
                .replace("Œ", "OE").replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("đ", "d")
                .replace("Đ", "D").replace("þ", "th");
    }

    /** The id of a film known only by title and year, shared by every source that names it so: {@code film:her-2013}. */
    public static String filmFromTitle(String title, Integer year) {
        return SHARED_FILM + slug(title) + (year == null ? "" : "-" + year);
    }
}
