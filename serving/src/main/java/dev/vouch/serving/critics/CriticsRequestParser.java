package dev.vouch.serving.critics;

import static dev.vouch.serving.web.JsonFields.array;
import static dev.vouch.serving.web.JsonFields.integer;
import static dev.vouch.serving.web.JsonFields.number;
import static dev.vouch.serving.web.JsonFields.objectElement;
import static dev.vouch.serving.web.JsonFields.requiredText;
import static dev.vouch.serving.web.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.engine.Ranker;
import dev.vouch.serving.web.BadRequestException;
import dev.vouch.serving.web.JsonFields;
import dev.vouch.serving.web.Params;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads {@code POST /api/critics/match} strictly: unknown fields and wrong types are refused, naming the field. */
final class CriticsRequestParser {
    private static final Set<String> FIELDS = Set.of("ratings", "aspect", "limit", "min_co_rated");
    private static final int MAX_ASPECTS = 20;

    private CriticsRequestParser() {
    }

    static CriticsRequest parse(JsonNode body) {
        JsonFields.onlyKnown(body, "", FIELDS);
        var ratings = array(body, "ratings", Ranker.Request.MAX_RATINGS, CriticsRequestParser::rating);
        Integer limit = integer(body, "", "limit");
        return new CriticsRequest(ratings, aspect(text(body, "", "aspect")), limit(limit),
                minCoRated(integer(body, "", "min_co_rated")));
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

    private static CriticsRequest.Rating rating(JsonNode node, String path) {
        objectElement(node, path);
        JsonFields.onlyKnown(node, path, Set.of("film", "score", "aspects"));
        Double score = number(node, path, "score");
        if (score == null) {
            throw new BadRequestException(path + ".score", path + ".score is required");
        }
        Map<String, Double> aspects = new LinkedHashMap<>();
        JsonNode a = node.get("aspects");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) {
                throw new BadRequestException(path + ".aspects", path + ".aspects must be an object");
            }
            if (a.size() > MAX_ASPECTS) {
                throw new BadRequestException(path + ".aspects", path + ".aspects may hold at most " + MAX_ASPECTS
                        + " entries, has " + a.size());
            }
            a.fieldNames().forEachRemaining(name -> {
                Double v = number(a, path + ".aspects", name);
                if (v != null) {
                    aspects.put(name.trim().toLowerCase(Locale.ROOT), v);
                }
            });
        }
        return new CriticsRequest.Rating(requiredText(node, path, "film"), score, aspects);
    }
}
