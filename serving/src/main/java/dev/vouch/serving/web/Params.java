package dev.vouch.serving.web;

import io.javalin.http.Context;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Query parameters through Javalin's validator: a malformed value is a {@link ValidationException} keyed by the
 * parameter, which {@link #problem} turns into the 400 problem every route answers with.
 */
public final class Params {
    /** Default number of results. */
    public static final int DEFAULT_LIMIT = 10;
    /** Largest number of results a request may ask for. */
    public static final int MAX_LIMIT = 100;

    private Params() {
    }

    /** {@code limit}, 1..100, default 10 (also when blank). */
    public static int limit(Context ctx) {
        return blank(ctx, "limit") ? DEFAULT_LIMIT : ctx.queryParamAsClass("limit", Integer.class)
                .check(l -> l >= 1 && l <= MAX_LIMIT, "must be between 1 and " + MAX_LIMIT).get();
    }

    /** An optional integer parameter; null when absent or blank. */
    public static Integer optionalInt(Context ctx, String name) {
        return blank(ctx, name) ? null : ctx.queryParamAsClass(name, Integer.class).get();
    }

    private static boolean blank(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank();
    }

    /** An optional text parameter; null when absent or blank. */
    public static String optionalText(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** A list parameter, given repeated ({@code ?x=a&x=b}) and/or comma-separated ({@code ?x=a,b}). */
    public static List<String> list(Context ctx, String name) {
        List<String> out = new ArrayList<>();
        for (String value : ctx.queryParams(name)) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** The 400 problem for the first failed parameter. */
    public static Problem problem(ValidationException e) {
        Map.Entry<String, List<ValidationError<Object>>> first = e.getErrors().entrySet().iterator().next();
        String field = first.getKey();
        ValidationError<Object> error = first.getValue().get(0);
        String detail = error.getMessage().equals("TYPE_CONVERSION_FAILED")
                ? field + " must be an integer, was '" + error.value + "'"
                : field + " " + error.getMessage() + ", was " + error.value;
        return Problem.badRequest(field, detail);
    }
}
