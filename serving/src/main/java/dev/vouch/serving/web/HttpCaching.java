package dev.vouch.serving.web;

import org.apache.commons.codec.digest.DigestUtils;
import dev.vouch.serving.model.Model;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Validators and freshness for the model's GET answers, so browsers and CDNs can cache them.
 *
 * <p>The ETag is weak and derived from the served model's version, the API document and the request (path and
 * query), never from the body: answering a revalidation costs no ranking work, and a model swap changes every ETag.
 * The API document is part of it so that a deploy that adds a field to the answers also changes every ETag.
 * {@code Cache-Control: public, max-age=N} lets a cache serve an answer from the previous model for at most N
 * seconds after a reload; then it revalidates, the ETag no longer matches, and it gets the new answer.
 *
 * <p>Only 200 answers are cacheable. Errors and answers whose model was swapped while they were computed get
 * {@code no-store}, so an answer is never labelled with a model it did not come from.
 */
public final class HttpCaching {
    private static final String TAGGED = "vouch.etag";

    private final Supplier<Optional<Model>> model;
    private final String documentHash;
    private final String cacheControl;

    /**
     * @param model    the model being served right now
     * @param document the API document's bytes (a contract change changes every ETag)
     * @param maxAge   how long a cache may serve an answer without revalidating
     */
    public HttpCaching(Supplier<Optional<Model>> model, byte[] document, Duration maxAge) {
        this.model = model;
        this.documentHash = sha256(new String(document, StandardCharsets.UTF_8)).substring(0, 16);
        this.cacheControl = "public, max-age=" + maxAge.toSeconds();
    }

    /** The Cache-Control value of cacheable answers. */
    public String cacheControl() {
        return cacheControl;
    }

    /** Before handler: tags the request and answers 304 when the client's copy is still current. */
    public void before(Context ctx) {
        if (ctx.method() != HandlerType.GET) {
            return;
        }
        Optional<Model> served = model.get();
        if (served.isEmpty()) {
            return;
        }
        Tagged tagged = new Tagged(served.get(), etag(served.get().version(), ctx));
        ctx.attribute(TAGGED, tagged);
        if (matches(ctx.header("If-None-Match"), tagged.etag())) {
            headers(ctx, tagged.etag());
            ctx.status(HttpStatus.NOT_MODIFIED).skipRemainingHandlers();
        }
    }

    /** After handler: labels a 200 with its ETag and max-age, anything else with no-store. */
    public void after(Context ctx) {
        if (ctx.method() != HandlerType.GET || ctx.statusCode() == HttpStatus.NOT_MODIFIED.getCode()) {
            return;
        }
        Tagged tagged = ctx.attribute(TAGGED);
        // Same instance, not same version string: a reload to another version and back is still a swap.
        boolean sameModel = tagged != null && model.get().filter(m -> m == tagged.model()).isPresent();
        if (ctx.statusCode() == HttpStatus.OK.getCode() && sameModel) {
            headers(ctx, tagged.etag());
        } else {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private void headers(Context ctx, String etag) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        // CORS headers differ by Origin, so a shared cache must key on it.
        ctx.header("Vary", "Origin");
    }

    /** {@code W/"<model version>.<hash of document and request>"}. */
    String etag(String version, Context ctx) {
        String query = ctx.queryString();
        String request = ctx.path() + (query == null ? "" : "?" + query);
        return "W/\"" + version + "." + sha256(documentHash + '\n' + version + '\n' + request).substring(0, 20) + "\"";
    }

    /** Weak comparison (RFC 9110 13.1.2) against a comma-separated If-None-Match list, or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String sha256(String text) {
        return DigestUtils.sha256Hex(text);
    }

    private record Tagged(Model model, String etag) {
    }
}
