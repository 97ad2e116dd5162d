package dev.vouch.serving.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** Strict typed access to a JSON object's fields; every mismatch is a {@link BadRequestException} naming the path. */
public final class JsonFields {
    private JsonFields() {
    }

    /** Refuses fields outside {@code allowed}. */
    public static void onlyKnown(JsonNode object, String path, Set<String> allowed) {
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new BadRequestException(join(path, name), "unknown field '" + join(path, name) + "'");
            }
        });
    }

    /** A string field, or null when absent or null. */
    public static String text(JsonNode object, String path, String name) {
        JsonNode v = object.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(join(path, name), "a string");
        }
        return v.asText();
    }

    /** A required string field. */
    public static String requiredText(JsonNode object, String path, String name) {
        String v = text(object, path, name);
        if (v == null || v.isBlank()) {
            throw new BadRequestException(join(path, name), join(path, name) + " is required");
        }
        return v;
    }

    /** An integer field, or null when absent or null. */
    public static Integer integer(JsonNode object, String path, String name) {
        JsonNode v = object.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongType(join(path, name), "an integer");
        }
        return v.intValue();
    }

    /** A finite number field, or null when absent or null. */
    public static Double number(JsonNode object, String path, String name) {
        JsonNode v = object.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw wrongType(join(path, name), "a number");
        }
        return v.doubleValue();
    }

    /** An array field mapped element by element (with the element's path); empty when absent or null. */
    public static <T> List<T> array(JsonNode object, String name, int maxSize,
                                    BiFunction<JsonNode, String, T> element) {
        JsonNode v = object.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw wrongType(name, "an array");
        }
        if (v.size() > maxSize) {
            throw new BadRequestException(name, name + " may hold at most " + maxSize + " entries, has " + v.size());
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(element.apply(v.get(i), name + "[" + i + "]"));
        }
        return out;
    }

    /** An array element that must be a string. */
    public static String textElement(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw wrongType(path, "a string");
        }
        return node.asText();
    }

    /** An array element that must be an object. */
    public static JsonNode objectElement(JsonNode node, String path) {
        if (!node.isObject()) {
            throw wrongType(path, "an object");
        }
        return node;
    }

    private static BadRequestException wrongType(String path, String expected) {
        return new BadRequestException(path, path + " must be " + expected);
    }

    private static String join(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }
}
