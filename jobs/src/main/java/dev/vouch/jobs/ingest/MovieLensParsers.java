package dev.vouch.jobs.ingest;

import static dev.vouch.jobs.common.Ids.of;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the files of a MovieLens folder: ratings.csv, tags.csv, movies.csv, and Vouch's own extension
 * aspects.csv ({@code userId,movieId,aspect,score,max}).
 */
final class MovieLensParsers {
    private MovieLensParsers() {}

    static final double MIN = 0.5;
    static final double MAX = 5.0;
    private static final Pattern TITLE_YEAR = Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:[-–]\\d{0,4})?\\)\\s*$");

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
            Matcher m = TITLE_YEAR.matcher(title);
            if (m.matches()) {
                title = m.group(1);
                year = Integer.parseInt(m.group(2));
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

    static List<String> genres(String field) {
        String g = field.strip();
        if (g.isEmpty() || g.equals("(no genres listed)")) {
            return List.of();
        }
        return Arrays.stream(g.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
