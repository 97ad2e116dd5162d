package dev.vouch.serving.suggest;

import static dev.vouch.serving.web.JsonFields.array;
import static dev.vouch.serving.web.JsonFields.integer;
import static dev.vouch.serving.web.JsonFields.number;
import static dev.vouch.serving.web.JsonFields.objectElement;
import static dev.vouch.serving.web.JsonFields.requiredText;
import static dev.vouch.serving.web.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.serving.web.BadRequestException;
import dev.vouch.serving.web.JsonFields;
import dev.vouch.serving.web.Params;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/suggestions} strictly: unknown fields and wrong types are refused, naming
 * the field ({@code trusted[1].weight}). {@code exclude} is accepted as another name for {@code seen}.
 */
final class TrustSetParser {
    private static final Set<String> FIELDS = Set.of("trusted", "seen", "exclude", "ratings", "tags", "limit", "genre",
            "tag", "min_year", "max_year", "aspect");
    private static final int MAX_SEEN = 10_000;
    private static final int MAX_TAGS = 50;

    private TrustSetParser() {
    }

    static TrustSet parse(JsonNode body) {
        JsonFields.onlyKnown(body, "", FIELDS);
        List<TrustSet.Trusted> trusted = array(body, "trusted", TrustSet.MAX_TRUSTED, TrustSetParser::trusted);
        Set<String> seen = new HashSet<>(array(body, "seen", MAX_SEEN, JsonFields::textElement));
        seen.addAll(array(body, "exclude", MAX_SEEN, JsonFields::textElement));
        List<TrustSet.Rating> ratings = array(body, "ratings", TrustSet.MAX_RATINGS, TrustSetParser::rating);
        List<String> tags = array(body, "tags", MAX_TAGS, JsonFields::textElement);
        Integer limit = integer(body, "", "limit");
        FilmFilter filter = new FilmFilter(Set.of(), text(body, "", "genre"), integer(body, "", "min_year"),
                integer(body, "", "max_year"), text(body, "", "tag"));
        return new TrustSet(trusted, seen, ratings, tags, limit == null ? Params.DEFAULT_LIMIT : limit, filter,
                text(body, "", "aspect"));
    }

    /**
     * Weights are relative, so a bound loses nothing; without one a weight like 1e39 overflows the blend's float
     * arithmetic and silently drops every trusted reviewer.
     */
    static final double MAX_WEIGHT = 1000;

    private static TrustSet.Trusted trusted(JsonNode node, String path) {
        objectElement(node, path);
        JsonFields.onlyKnown(node, path, Set.of("reviewer", "weight"));
        Double weight = number(node, path, "weight");
        if (weight != null && !(weight > 0 && weight <= MAX_WEIGHT)) {
            throw new BadRequestException(path + ".weight", path + ".weight must be in (0, " + (int) MAX_WEIGHT
                    + "], was " + weight);
        }
        return new TrustSet.Trusted(requiredText(node, path, "reviewer"), weight == null ? 1.0 : weight);
    }

    private static TrustSet.Rating rating(JsonNode node, String path) {
        objectElement(node, path);
        JsonFields.onlyKnown(node, path, Set.of("film", "score"));
        Double score = number(node, path, "score");
        if (score == null) {
            throw new BadRequestException(path + ".score", path + ".score is required");
        }
        return new TrustSet.Rating(requiredText(node, path, "film"), score);
    }
}
