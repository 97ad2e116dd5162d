package dev.vouch.serving.app;

import dev.vouch.serving.access.ApiKeyException;
import dev.vouch.serving.access.RateLimitedException;
import dev.vouch.serving.model.ModelLoadException;
import dev.vouch.serving.model.ModelNotReadyException;
import dev.vouch.serving.model.UnknownIdException;
import dev.vouch.serving.suggest.InvalidQueryException;
import dev.vouch.serving.web.BadRequestException;
import dev.vouch.serving.web.PayloadTooLargeException;
import dev.vouch.serving.web.Problem;
import dev.vouch.serving.web.Params;
import dev.vouch.serving.web.UnsupportedMediaTypeException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every exception to a JSON problem body, once. No stack trace ever reaches a client. */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(BadRequestException.class, (e, ctx) -> send(ctx, Problem.badRequest(e.field(), e.getMessage())));
        routes.exception(InvalidQueryException.class, (e, ctx) -> send(ctx, Problem.badRequest(e.field(), e.getMessage())));
        routes.exception(ValidationException.class, (e, ctx) -> send(ctx, Params.problem(e)));
        routes.exception(UnknownIdException.class, (e, ctx) ->
                send(ctx, Problem.of("unknown-" + e.kind(), "Not Found", 404, e.getMessage())));
        routes.exception(PayloadTooLargeException.class, (e, ctx) ->
                send(ctx, Problem.of("payload-too-large", "Content Too Large", 413, e.getMessage())));
        routes.exception(UnsupportedMediaTypeException.class, (e, ctx) ->
                send(ctx, Problem.of("unsupported-media-type", "Unsupported Media Type", 415, e.getMessage())));
        routes.exception(ApiKeyException.class, (e, ctx) ->
                send(ctx, Problem.of("api-key", "Unauthorized", 401, e.getMessage())));
        routes.exception(RateLimitedException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            send(ctx, Problem.of("rate-limited", "Too Many Requests", 429, e.getMessage()));
        });
        routes.exception(ModelNotReadyException.class, (e, ctx) ->
                send(ctx, Problem.of("not-ready", "Service Unavailable", 503, e.getMessage())));
        routes.exception(ModelLoadException.class, (e, ctx) ->
                send(ctx, Problem.of("model-refused", "Model Refused", 409,
                        "the new model was refused and the previous one keeps serving: " + e.getMessage())));
        routes.exception(AdminException.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            send(ctx, Problem.of("admin", e.status() == 401 ? "Unauthorized" : "Forbidden", e.status(),
                    e.getMessage()));
        });
        routes.exception(HttpResponseException.class, (e, ctx) ->
                send(ctx, Problem.of("http-" + e.getStatus(), title(e.getStatus()), e.getStatus(), e.getMessage())));
        // Jetty's own refusals met while a handler reads the body (408: the body arrives too slowly).
        routes.exception(org.eclipse.jetty.http.HttpException.RuntimeException.class, (e, ctx) -> {
            int status = ((org.eclipse.jetty.http.HttpException) e).getCode();
            ctx.header("Connection", "close");
            send(ctx, Problem.of("http-" + status, title(status), status,
                    status == 408 ? "the request body arrived too slowly" : "the request could not be read"));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            send(ctx, Problem.of("internal", "Internal Server Error", 500, "an unexpected error occurred"));
        });
    }

    static void send(Context ctx, Problem problem) {
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }

    private static String title(int status) {
        return switch (status) {
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            default -> status < 500 ? "Bad Request" : "Server Error";
        };
    }
}
