package dev.vouch.serving.app;

import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelStore;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /health}, {@code /ready}, {@code /metrics} and {@code /openapi.json}. */
final class OpsRoutes {
    static final String OPENAPI_RESOURCE = "/openapi.json";
    private final ModelStore store;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApi;
    private final BooleanSupplier warmingUp;

    OpsRoutes(ModelStore store, PrometheusMeterRegistry registry, byte[] openApi, BooleanSupplier warmingUp) {
        this.store = store;
        this.warmingUp = warmingUp;
        this.registry = registry;
        this.openApi = openApi;
    }

    /** The API document as shipped on the classpath. */
    static byte[] openApiDocument() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(RoutesConfig routes) {
        // Operational answers describe this instance right now: never cached.
        routes.before("/health", OpsRoutes::noStore);
        routes.before("/ready", OpsRoutes::noStore);
        routes.before("/metrics", OpsRoutes::noStore);
        routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        routes.get("/ready", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            // Not ready while the first model is still being warmed up over HTTP (VouchServer.start).
            boolean ready = store.current().isPresent() && !warmingUp.getAsBoolean();
            body.put("ready", ready);
            store.current().map(Model::version).ifPresent(v -> body.put("version", v));
            store.lastFailure().ifPresent(f -> body.put("last_reload_error", f));
            ctx.status(ready ? 200 : 503).json(body);
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private static void noStore(io.javalin.http.Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
