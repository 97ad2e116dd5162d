package dev.vouch.serving.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Reads query parameters strictly: a malformed value is a {@link BadRequestException} naming the parameter. */
public final class Params {
    /** Default number of results. */
    public static final int DEFAULT_LIMIT = 10;
    /** Largest number of results a request may ask for. */
    public static final int MAX_LIMIT = 100;

    private Params() {
    }

    /** {@code limit}, 1..100, default 10. */
    public static int limit(Context ctx) {
        Integer limit = optionalInt(ctx, "limit");
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }

    /** An optional integer parameter; null when absent or empty. */
    public static Integer optionalInt(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, name + " must be an integer, was '" + raw + "'");
        }
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
}
