package dev.vouch.serving.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Set;

/**
 * CORS for sites: pages on the allowed origins may call the API and import the widget's module; every other origin
 * gets no CORS headers, so browsers keep its pages out. Requests are never refused for their Origin: the readers'
 * page sends its own origin on POSTs, and servers or curl may send anything (Javalin's bundled plugin answers those
 * with a 400 around a full body, which is why this is our own).
 */
public final class Cors {
    private static final String ANY = "*";
    private final Set<String> origins;

    /** @param origins allowed origins ({@code scheme://host[:port]}), or {@code *} for any; empty allows none */
    public Cors(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /** Before handler for every path: CORS headers for an allowed origin, and the answer to a preflight. */
    public void before(Context ctx) {
        String origin = ctx.header("Origin");
        boolean preflight = ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
        if (origin != null && allowed(origin)) {
            ctx.header("Access-Control-Allow-Origin", origins.contains(ANY) ? ANY : origin);
            ctx.header("Vary", "Origin");
            ctx.header("Access-Control-Expose-Headers", "ETag");
            if (preflight) {
                ctx.header("Access-Control-Allow-Methods", "GET, POST");
                ctx.header("Access-Control-Allow-Headers", "Content-Type, If-None-Match");
                // Browsers may reuse a preflight for 10 minutes instead of asking before every POST.
                ctx.header("Access-Control-Max-Age", "600");
            }
        }
        if (preflight) {
            ctx.status(HttpStatus.NO_CONTENT).skipRemainingHandlers();
        }
    }

    private boolean allowed(String origin) {
        return origins.contains(ANY) || origins.contains(origin);
    }
}
