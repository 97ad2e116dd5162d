package dev.vouch.serving.critics;

import dev.vouch.engine.Ranker;
import dev.vouch.serving.web.BadRequestException;
import dev.vouch.serving.web.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code POST /api/critics/match} as the JSON binding reads it (snake_case, unknown fields refused);
 * {@link #toCriticsRequest()} checks what types cannot say, naming the field.
 */
public record MatchRequest(List<Rating> ratings, String aspect, Integer limit, Integer minCoRated) {
    private static final int MAX_ASPECTS = 20;

    /** One of the reader's scores as sent, with optional aspect sub-scores by name. */
    public record Rating(String film, Double score, Map<String, Double> aspects) {}

    /** The request this body asks. */
    public CriticsRequest toCriticsRequest() {
        List<CriticsRequest.Rating> out = new ArrayList<>();
        if (ratings != null) {
            if (ratings.size() > Ranker.Request.MAX_RATINGS) {
                throw new BadRequestException("ratings", "ratings may hold at most " + Ranker.Request.MAX_RATINGS
                        + " entries, has " + ratings.size());
            }
            for (int i = 0; i < ratings.size(); i++) {
                out.add(rating(ratings.get(i), "ratings[" + i + "]"));
            }
        }
        return new CriticsRequest(out, aspect(aspect), limit(limit), minCoRated(minCoRated));
    }

    private static CriticsRequest.Rating rating(Rating r, String path) {
        if (r == null) {
            throw new BadRequestException(path, path + " must not be null");
        }
        if (r.film() == null || r.film().isBlank()) {
            throw new BadRequestException(path + ".film", path + ".film is required");
        }
        if (r.score() == null || !Double.isFinite(r.score())) {
            throw new BadRequestException(path + ".score", path + ".score is required and must be a finite number");
        }
        Map<String, Double> aspects = new LinkedHashMap<>();
        if (r.aspects() != null) {
            if (r.aspects().size() > MAX_ASPECTS) {
                throw new BadRequestException(path + ".aspects", path + ".aspects may hold at most " + MAX_ASPECTS
                        + " entries, has " + r.aspects().size());
            }
            r.aspects().forEach((name, v) -> {
                if (v == null || !Double.isFinite(v)) {
                    throw new BadRequestException(path + ".aspects." + name, path + ".aspects." + name
                            + " must be a finite number");
                }
                aspects.put(name.trim().toLowerCase(Locale.ROOT), v);
            });
        }
        return new CriticsRequest.Rating(r.film(), r.score(), aspects);
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return Params.DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > Params.MAX_LIMIT) {
            throw new BadRequestException("limit", "limit must be between 1 and " + Params.MAX_LIMIT + ", was "
                    + limit);
        }
        return limit;
    }

    static int minCoRated(Integer min) {
        if (min == null) {
            return 1;
        }
        if (min < 1 || min > Ranker.Request.MAX_RATINGS) {
            throw new BadRequestException("min_co_rated", "min_co_rated must be between 1 and "
                    + Ranker.Request.MAX_RATINGS + ", was " + min);
        }
        return min;
    }

    static String aspect(String aspect) {
        return aspect == null || aspect.isBlank() ? null : aspect.trim().toLowerCase(Locale.ROOT);
    }
}
