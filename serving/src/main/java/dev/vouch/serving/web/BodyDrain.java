package dev.vouch.serving.web;

import io.javalin.http.Context;
import java.io.IOException;

/**
 * Reads and drops what is left of a request body after the answer is ready (routes like {@code POST /admin/reload}
 * or a 404 never read theirs). Jetty closes a connection whose body was left unread, and when the answer was
 * already on its way without {@code Connection: close}, a client that reuses the connection loses its next request
 * (the HTTP fuzz test caught this). A body larger than the limit is not read: the answer says
 * {@code Connection: close} instead. Reads are bounded by the connection limits (idle timeout, minimum data rate).
 */
public final class BodyDrain {
    private BodyDrain() {
    }

    public static void drain(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0 || ctx.req().getHeader("Content-Length") == null
                && ctx.req().getHeader("Transfer-Encoding") == null) {
            return;
        }
        if (declared > maxBytes) {
            ctx.header("Connection", "close");
            return;
        }
        try {
            jakarta.servlet.ServletInputStream in = ctx.req().getInputStream();
            if (in.isFinished()) {
                return; // the route read it all; reading again would only re-run Jetty's data-rate check
            }
            byte[] buffer = new byte[8192];
            long left = maxBytes + 1;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
            if (left <= 0) {
                ctx.header("Connection", "close");
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable (the client stalled, Jetty's 408 data-rate check): never fail an answer that is ready.
            ctx.header("Connection", "close");
        }
    }
}
