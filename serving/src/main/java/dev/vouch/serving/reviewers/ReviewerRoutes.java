package dev.vouch.serving.reviewers;

import dev.vouch.serving.web.Json;
import dev.vouch.serving.web.Params;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** HTTP routes of the reviewers feature. */
public final class ReviewerRoutes {
    private final ReviewerQueries queries;

    public ReviewerRoutes(ReviewerQueries queries) {
        this.queries = queries;
    }

    /** Registers {@code GET /api/reviewers}, {@code /api/reviewers/{id}} and {@code /api/reviewers/{id}/kindred}. */
    public void register(RoutesConfig routes) {
        routes.get("/api/reviewers", ctx -> Json.send(ctx, Map.of("items",
                queries.search(Params.optionalText(ctx, "q"), Params.limit(ctx)))));
        routes.get("/api/reviewers/{id}", ctx -> Json.send(ctx, queries.profile(ctx.pathParam("id"))));
        routes.get("/api/reviewers/{id}/kindred", ctx -> Json.send(ctx, Map.of("reviewer", ctx.pathParam("id"),
                "items", queries.kindred(ctx.pathParam("id"), Params.limit(ctx)))));
    }
}
