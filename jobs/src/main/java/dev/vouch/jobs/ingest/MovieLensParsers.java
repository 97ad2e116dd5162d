package dev.vouch.jobs.ingest;

import static dev.vouch.jobs.common.Ids.of;

import java.util.Arrays;
import java.util.List;

/**
 * Parsers for the files of a MovieLens folder: ratings.csv, tags.csv, movies.csv, and Vouch's own extension
 * aspects.csv ({@code userId,movieId,aspect,score,max}).
 */
final class MovieLensParsers {
    private MovieLensParsers() {}

    static final double MIN = 0.5;
    static final double MAX = 5.0;

    static LineParser ratings(String source) {
        return line -> {
            List<String> f = Fields.split(line, ",");
            Fields.expectCount(f, 4);
            return Staged.rating(of(source, Fields.id("userId", f.get(0))), of(source, Fields.id("movieId", f.get(1))),
                    Fields.score("rating", f.get(2), MIN, MAX), MIN, MAX, Fields.date("timestamp", f.get(3)));
        };
    }

    static LineParser tags(String source) {
        return line -> {
            List<String> f = Fields.split(line, ",");
            Fields.expectCount(f, 4);
            String tag = f.get(2).strip();
            if (tag.isEmpty()) {
                throw new BadRecord("tag is empty");
            }
            return Staged.tag(of(source, Fields.id("userId", f.get(0))), of(source, Fields.id("movieId", f.get(1))),
                    tag, Fields.date("timestamp", f.get(3)));
        };
    }

    static LineParser movies(String source) {
        return line -> {
            List<String> f = Fields.split(line, ",");
            Fields.expectCount(f, 3);
            String film = of(source, Fields.id("movieId", f.get(0)));
            String title = f.get(1).strip();
            if (title.isEmpty()) {
                throw new BadRecord("title is empty");
            }
            Integer year = null;
            String[] split = titleAndYear(title);
            if (split != null) {
                title = split[0];
                year = Integer.parseInt(split[1]);
            }
            return Staged.film(film, title, year, genres(f.get(2)));
        };
    }

    static LineParser aspects(String source) {
        return line -> {
            List<String> f = Fields.split(line, ",");
            Fields.expectCount(f, 5);
            String name = f.get(2).strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty()) {
                throw new BadRecord("aspect is empty");
            }
            double max = Fields.number("max", f.get(4));
            if (max <= 0) {
                throw new BadRecord("max must be positive: " + f.get(4).strip());
            }
            double score = Fields.score("score", f.get(3), 0, max);
            return Staged.aspect(of(source, Fields.id("userId", f.get(0))), of(source, Fields.id("movieId", f.get(1))),
                    new Staged.Aspect(name, score, max));
        };
    }

    /**
     * "Heat (1995)" → {"Heat", "1995"}; also "(1995-1997)", "(2007-)", "(2007–)"; null without a trailing year.
     * Plain code rather than a regex: a lazy title followed by optional blanks backtracks quadratically on a long
     * run of spaces.
     */
    static String[] titleAndYear(String title) {
        if (!title.endsWith(")")) {
            return null;
        }
        int open = title.lastIndexOf('(');
        String inside = open < 0 ? "" : title.substring(open + 1, title.length() - 1);
        if (inside.length() < 4 || !inside.substring(0, 4).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        String rest = inside.substring(4);
        boolean range = rest.isEmpty() || ((rest.charAt(0) == '-' || rest.charAt(0) == '–') && rest.length() <= 5
                && rest.substring(1).chars().allMatch(c -> c >= '0' && c <= '9'));
        return range ? new String[] {title.substring(0, open).stripTrailing(), inside.substring(0, 4)} : null;
    }

    static List<String> genres(String field) {
        String g = field.strip();
        if (g.isEmpty() || g.equals("(no genres listed)")) {
            return List.of();
        }
        return Arrays.stream(g.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
