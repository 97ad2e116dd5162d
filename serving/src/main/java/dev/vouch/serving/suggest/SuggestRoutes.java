package dev.vouch.serving.suggest;

import dev.vouch.serving.web.JsonBody;
import dev.vouch.serving.web.Json;
import dev.vouch.serving.web.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashSet;

/** HTTP routes of the suggest feature. */
public final class SuggestRoutes {
    private final Recommender recommender;
    private final JsonBody body;

    public SuggestRoutes(Recommender recommender, JsonBody body) {
        this.recommender = recommender;
        this.body = body;
    }

    /** Registers {@code GET /api/reviewers/{id}/suggestions} and {@code POST /api/suggestions}. */
    public void register(RoutesConfig routes) {
        routes.get("/api/reviewers/{id}/suggestions", ctx -> Json.send(ctx, recommender.forReviewer(query(ctx))));
        routes.post("/api/suggestions",
                ctx -> Json.send(ctx, recommender.forTrustSet(body.bind(ctx, SuggestionsRequest.class).toTrustSet())));
    }

    private static ReviewerQuery query(Context ctx) {
        FilmFilter filter = new FilmFilter(new HashSet<>(Params.list(ctx, "exclude")),
                Params.optionalText(ctx, "genre"), Params.optionalInt(ctx, "min_year"),
                Params.optionalInt(ctx, "max_year"), Params.optionalText(ctx, "tag"));
        return new ReviewerQuery(ctx.pathParam("id"), Params.limit(ctx), filter, Params.optionalText(ctx, "aspect"));
    }
}
