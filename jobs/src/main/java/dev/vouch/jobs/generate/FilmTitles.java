package dev.vouch.jobs.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Invents film titles from a group's word lists, unique per year so {@code Title (Year)} names one film. */
final class FilmTitles {
    private static final int ATTEMPTS = 10;

    // Membership only, never iterated, so hash order cannot leak into the output.
    private final Set<String> used = new HashSet<>();
    private final SplittableRandom rng;

    FilmTitles(SplittableRandom rng) {
        this.rng = rng;
    }

    /** A title not yet handed out for {@code year}; a numbered sequel when the word lists run dry. */
    String next(TasteGroup group, int year) {
        String title = compose(group);
        for (int attempt = 1; attempt < ATTEMPTS && used.contains(key(title, year)); attempt++) {
            title = compose(group);
        }
        String candidate = title;
        for (int part = 2; used.contains(key(candidate, year)); part++) {
            candidate = title + " " + part;
        }
        used.add(key(candidate, year));
        return candidate;
    }

    private String compose(TasteGroup g) {
        String shape = pick(TasteCatalogue.TITLE_SHAPES);
        String adjective = pick(g.adjectives());
        String noun = pick(g.nouns());
        String otherNoun = pickOther(g.nouns(), noun);
        String otherAdjective = pickOther(g.adjectives(), adjective);
        return shape.replace("{0}", adjective).replace("{1}", noun).replace("{2}", otherNoun)
                .replace("{3}", otherAdjective);
    }

    private String pick(List<String> words) {
        return words.get(rng.nextInt(words.size()));
    }

    /** A word other than {@code taken} ("Empire of the Empire" reads as a bug), unless the list has one word. */
    private String pickOther(List<String> words, String taken) {
        if (words.size() == 1) {
            return taken;
        }
        int i = rng.nextInt(words.size() - 1);
        return words.get(i >= words.indexOf(taken) ? i + 1 : i);
    }

    private static String key(String title, int year) {
        return title + " (" + year + ")";
    }
}
