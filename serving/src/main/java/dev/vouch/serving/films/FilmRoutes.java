package dev.vouch.serving.films;

import dev.vouch.serving.web.Json;
import dev.vouch.serving.web.Params;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** HTTP routes of the films feature. */
public final class FilmRoutes {
    private final FilmQueries queries;

    public FilmRoutes(FilmQueries queries) {
        this.queries = queries;
    }

    /** Registers {@code GET /api/films}, {@code /api/films/{id}} and {@code /api/films/{id}/similar}. */
    public void register(RoutesConfig routes) {
        routes.get("/api/films", ctx -> Json.send(ctx, Map.of("items",
                queries.search(Params.optionalText(ctx, "q"), Params.limit(ctx)))));
        routes.get("/api/films/{id}", ctx -> Json.send(ctx, queries.detail(ctx.pathParam("id"),
                ctx.queryParamMap().containsKey("reviewer") ? Params.list(ctx, "reviewer") : null)));
        routes.get("/api/films/{id}/similar",
                ctx -> Json.send(ctx, queries.similar(ctx.pathParam("id"), Params.limit(ctx))));
    }
}
