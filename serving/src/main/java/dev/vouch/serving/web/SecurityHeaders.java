package dev.vouch.serving.web;

import io.javalin.http.Context;

/**
 * Headers on every answer: no MIME sniffing (a JSON answer must never be run as a script), and a content security
 * policy that lets the readers' page load only its own scripts, styles and data, and never be framed.
 */
public final class SecurityHeaders {
    static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void add(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
