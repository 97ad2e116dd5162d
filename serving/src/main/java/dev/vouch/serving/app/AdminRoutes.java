package dev.vouch.serving.app;

import dev.vouch.serving.model.ModelStore;
import dev.vouch.serving.model.ReloadResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /admin/reload}: loads the version CURRENT names and swaps it in. Needs the configured token as
 * {@code Authorization: Bearer <token>} or {@code X-Admin-Token}; without a configured token it is disabled (403).
 */
final class AdminRoutes {
    private final ModelStore store;
    private final Optional<byte[]> token;

    AdminRoutes(ModelStore store, Optional<String> token) {
        this.store = store;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    void register(RoutesConfig routes) {
        routes.post("/admin/reload", ctx -> {
            authorise(ctx);
            ReloadResult result = store.reload();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("version", result.version());
            body.put("previous", result.previous());
            body.put("changed", result.changed());
            body.put("load_ms", result.loadTime().toMillis());
            ctx.json(body);
        });
    }

    private void authorise(Context ctx) {
        if (token.isEmpty()) {
            throw new AdminException(403, "the admin endpoint is disabled: no admin token is configured");
        }
        String given = ctx.header("X-Admin-Token");
        String auth = ctx.header("Authorization");
        if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).trim();
        }
        if (given == null || !MessageDigest.isEqual(token.get(), given.getBytes(StandardCharsets.UTF_8))) {
            throw new AdminException(401, "a valid admin token is required");
        }
    }
}
