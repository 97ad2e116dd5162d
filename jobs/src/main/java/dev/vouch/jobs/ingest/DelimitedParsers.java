package dev.vouch.jobs.ingest;

import static dev.vouch.jobs.common.Ids.of;

import dev.vouch.jobs.ingest.ColumnMapping.Role;
import java.util.Arrays;
import java.util.List;

/** Parsers for delimited rating and trust files (FilmTrust, CiaoDVD, and any file given a column mapping). */
final class DelimitedParsers {
    private DelimitedParsers() {}

    /** A rating line read through a column mapping. Scores outside [min, max] are rejected. */
    static LineParser ratings(String source, String separator, ColumnMapping columns, double min, double max) {
        int user = columns.indexOf(Role.USER);
        int item = columns.indexOf(Role.ITEM);
        int rating = columns.indexOf(Role.RATING);
        int time = columns.indexOf(Role.TIMESTAMP);
        int tags = columns.indexOf(Role.TAGS);
        int genre = columns.indexOf(Role.GENRE);
        int count = columns.roles().size();
        return line -> {
            List<String> f = Fields.split(line, separator);
            Fields.expectCount(f, count);
            Staged s = Staged.rating(of(source, Fields.id("user", f.get(user))), of(source, Fields.id("item", f.get(item))),
                    Fields.score("rating", f.get(rating), min, max), min, max,
                    time < 0 ? null : Fields.date("timestamp", f.get(time)));
            List<String> tagList = tags < 0 ? List.of()
                    : Arrays.stream(f.get(tags).split("\\|")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            List<String> genres = genre < 0 ? null : List.of(genreName(f.get(genre).strip()));
            return new Staged(s.kind(), s.reviewer(), s.film(), s.score(), min, max, s.date(), tagList, List.of(),
                    null, null, null, null, null, genres, null, null);
        };
    }

    /** A trust line: {@code truster trustee [weight]}; the weight defaults to 1. */
    static LineParser trust(String source, String separator) {
        return line -> {
            List<String> f = Fields.split(line, separator);
            if (f.size() != 2 && f.size() != 3) {
                throw new BadRecord("expected 2 or 3 fields (truster, trustee, weight), found " + f.size());
            }
            double weight = f.size() == 3 ? Fields.number("weight", f.get(2)) : 1.0;
            if (weight < 0) {
                throw new BadRecord("weight must not be negative: " + f.get(2).strip());
            }
            return Staged.trust(of(source, Fields.id("truster", f.get(0))), of(source, Fields.id("trustee", f.get(1))),
                    weight);
        };
    }

    /** CiaoDVD genre ids, as listed in the data set's readme; an unknown id is kept as "genre N". */
    private static final List<String> CIAO_GENRES = List.of("Action & Adventure", "Comedy", "Family", "Drama",
            "Horror", "Science Fiction & Fantasy", "Thriller & Mystery", "Martial Arts", "Musicals & Music Films",
            "War", "Westerns", "Documentaries & Biographies", "Special Interest", "Sports", "World Cinema",
            "TV Series", "Anime");

    static String genreName(String raw) throws BadRecord {
        if (raw.isEmpty()) {
            throw new BadRecord("genre is empty");
        }
        if (raw.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(raw);
            return n >= 1 && n <= CIAO_GENRES.size() ? CIAO_GENRES.get(n - 1) : "genre " + n;
        }
        return raw;
    }
}
