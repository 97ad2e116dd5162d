package dev.vouch.serving.suggest;

import dev.vouch.serving.web.Params;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The body of {@code POST /api/suggestions} as the JSON binding reads it (snake_case, unknown fields refused);
 * {@link #toTrustSet()} checks what types cannot say, naming the field. {@code exclude} is another name for
 * {@code seen}.
 */
public record SuggestionsRequest(List<Trusted> trusted, List<String> seen, List<String> exclude, List<Rating> ratings,
                                 List<String> tags, Integer limit, String genre, String tag, Integer minYear,
                                 Integer maxYear, String aspect) {
    private static final int MAX_SEEN = 10_000;
    private static final int MAX_TAGS = 50;
    /**
     * Weights are relative, so a bound loses nothing; without one a weight like 1e39 overflows the blend's float
     * arithmetic and silently drops every trusted reviewer.
     */
    static final double MAX_WEIGHT = 1000;

    /** One trusted reviewer as sent. */
    public record Trusted(String reviewer, Double weight) {}

    /** One of the reader's scores as sent. */
    public record Rating(String film, Double score) {}

    /** The trust set this request asks about. */
    public TrustSet toTrustSet() {
        Set<String> seenOrExcluded = new HashSet<>(each("seen", seen, MAX_SEEN, SuggestionsRequest::present));
        seenOrExcluded.addAll(each("exclude", exclude, MAX_SEEN, SuggestionsRequest::present));
        FilmFilter filter = new FilmFilter(Set.of(), genre, minYear, maxYear, tag);
        return new TrustSet(each("trusted", trusted, TrustSet.MAX_TRUSTED, SuggestionsRequest::trusted), seenOrExcluded,
                each("ratings", ratings, TrustSet.MAX_RATINGS, SuggestionsRequest::rating),
                each("tags", tags, MAX_TAGS, SuggestionsRequest::present),
                limit == null ? Params.DEFAULT_LIMIT : limit, filter, aspect);
    }

    private static TrustSet.Trusted trusted(Trusted t, String path) {
        present(t, path);
        if (t.weight() != null && !(t.weight() > 0 && t.weight() <= MAX_WEIGHT)) {
            throw new InvalidQueryException(path + ".weight", path + ".weight must be in (0, " + (int) MAX_WEIGHT
                    + "], was " + t.weight());
        }
        return new TrustSet.Trusted(required(t.reviewer(), path + ".reviewer"), t.weight() == null ? 1.0 : t.weight());
    }

    private static TrustSet.Rating rating(Rating r, String path) {
        present(r, path);
        if (r.score() == null || !Double.isFinite(r.score())) {
            throw new InvalidQueryException(path + ".score", path + ".score is required and must be a finite number");
        }
        return new TrustSet.Rating(required(r.film(), path + ".film"), r.score());
    }

    private static String required(String value, String path) {
        if (value == null || value.isBlank()) {
            throw new InvalidQueryException(path, path + " is required");
        }
        return value;
    }

    private static <T> T present(T value, String path) {
        if (value == null) {
            throw new InvalidQueryException(path, path + " must not be null");
        }
        return value;
    }

    /** Each element checked with its path ({@code trusted[1]}); empty when the field is absent. */
    private static <T, R> List<R> each(String field, List<T> values, int max, BiFunction<T, String, R> check) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new InvalidQueryException(field, field + " may hold at most " + max + " entries, has "
                    + values.size());
        }
        List<R> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(check.apply(values.get(i), field + "[" + i + "]"));
        }
        return out;
    }
}
