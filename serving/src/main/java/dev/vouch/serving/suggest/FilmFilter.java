package dev.vouch.serving.suggest;

import dev.vouch.engine.IntSet;
import dev.vouch.serving.model.Films;
import dev.vouch.serving.model.Model;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Business filters, kept apart from scoring (like Mahout's IDRescorer). A null field does not filter.
 *
 * @param exclude films the reader has seen; ids the model lacks are ignored
 * @param genre   keep films listing this genre (case-insensitive)
 * @param minYear keep films from this year on (films without a year are dropped when a bound is set)
 * @param maxYear keep films up to this year
 * @param tag     keep films carrying this tag in film_tags (case-insensitive)
 */
public record FilmFilter(Set<String> exclude, String genre, Integer minYear, Integer maxYear, String tag) {
    /** No filtering at all. */
    public static final FilmFilter NONE = new FilmFilter(Set.of(), null, null, null, null);

    public FilmFilter {
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
        genre = blankToNull(genre);
        tag = blankToNull(tag) == null ? null : tag.trim().toLowerCase(Locale.ROOT);
        if (minYear != null && maxYear != null && minYear > maxYear) {
            throw new InvalidQueryException("min_year", "min_year (" + minYear + ") is after max_year (" + maxYear + ")");
        }
    }

    /** The same filters, excluding these films as well. */
    public FilmFilter excludingAlso(Collection<String> more) {
        Set<String> all = new java.util.HashSet<>(exclude);
        all.addAll(more);
        return new FilmFilter(all, genre, minYear, maxYear, tag);
    }

    /** A predicate over the film indices of {@code model}. */
    public IntPredicate compile(Model model) {
        Films films = model.films();
        // a set of the few excluded films, not a bit per film of the catalogue (allocated per request)
        IntSet excluded = new IntSet(exclude.size());
        for (String id : exclude) {
            int f = films.indexOf(id);
            if (f >= 0) {
                excluded.add(f);
            }
        }
        return f -> !excluded.contains(f)
                && (genre == null || films.hasGenre(f, genre))
                && (minYear == null || films.year(f) != Films.NO_YEAR && films.year(f) >= minYear)
                && (maxYear == null || films.year(f) != Films.NO_YEAR && films.year(f) <= maxYear)
                && (tag == null || model.filmTags().weightOf(f, tag) > 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
