package dev.vouch.jobs.ingest;

import dev.vouch.jobs.common.VouchException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each column of a delimited ratings file holds, e.g. {@code user,item,rating,timestamp}.
 * Roles: user, item, rating (all three required), timestamp or date, tags ('|'-separated), genre, and {@code _} for
 * a column to ignore.
 */
record ColumnMapping(List<Role> roles) implements Serializable {

    enum Role { USER, ITEM, RATING, TIMESTAMP, TAGS, GENRE, IGNORE }

    ColumnMapping {
        roles = List.copyOf(roles);
        for (Role required : List.of(Role.USER, Role.ITEM, Role.RATING)) {
            if (roles.stream().filter(r -> r == required).count() != 1) {
                throw new VouchException("--columns must name '" + required.name().toLowerCase(Locale.ROOT)
                        + "' exactly once, got " + describe(roles));
            }
        }
    }

    static ColumnMapping parse(String spec) {
        List<Role> roles = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            roles.add(switch (p) {
                case "user", "userid", "reviewer" -> Role.USER;
                case "item", "movieid", "film", "movie" -> Role.ITEM;
                case "rating", "score" -> Role.RATING;
                case "timestamp", "date", "time" -> Role.TIMESTAMP;
                case "tags", "tag" -> Role.TAGS;
                case "genre", "genres" -> Role.GENRE;
                case "_", "-", "ignore" -> Role.IGNORE;
                default -> throw new VouchException("--columns: unknown column '" + part.strip()
                        + "' (known: user, item, rating, timestamp, tags, genre, _)");
            });
        }
        return new ColumnMapping(roles);
    }

    int indexOf(Role role) {
        return roles.indexOf(role);
    }

    private static String describe(List<Role> roles) {
        return roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList().toString();
    }
}
