package dev.vouch.serving.critics;

import dev.vouch.serving.web.Json;
import dev.vouch.serving.web.JsonBody;
import dev.vouch.serving.web.Params;
import io.javalin.config.RoutesConfig;

/** HTTP routes of the critics feature. */
public final class CriticRoutes {
    private final CriticFinder finder;
    private final JsonBody body;

    public CriticRoutes(CriticFinder finder, JsonBody body) {
        this.finder = finder;
        this.body = body;
    }

    /** Registers {@code POST /api/critics/match} and {@code GET /api/reviewers/{id}/match}. */
    public void register(RoutesConfig routes) {
        routes.post("/api/critics/match",
                ctx -> Json.send(ctx, finder.forReader(body.bind(ctx, MatchRequest.class).toCriticsRequest())));
        routes.get("/api/reviewers/{id}/match", ctx -> Json.send(ctx, finder.forReviewer(ctx.pathParam("id"),
                Params.limit(ctx), MatchRequest.minCoRated(Params.optionalInt(ctx, "min_co_rated")),
                Params.optionalText(ctx, "aspect"))));
    }
}
