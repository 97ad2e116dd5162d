package dev.vouch.serving.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;

/**
 * Writes a JSON answer straight to UTF-8 bytes. {@code ctx.json} goes through a Java String first, which costs a
 * UTF-16 round trip on every answer that holds a non-Latin-1 character (our sentences use "—" and curly quotes).
 */
public final class Json {
    private Json() {
    }

    public static void send(Context ctx, Object body) {
        if (ctx.jsonMapper() instanceof JavalinJackson jackson) {
            try {
                ctx.contentType(ContentType.APPLICATION_JSON).result(jackson.getMapper().writeValueAsBytes(body));
                return;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON answer", e);
            }
        }
        ctx.json(body);
    }
}
