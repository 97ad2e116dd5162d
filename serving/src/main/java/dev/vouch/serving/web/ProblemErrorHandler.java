package dev.vouch.serving.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a URI that is not UTF-8, 414, 431, a body that times out) never reach Javalin; this handler
 * answers them in the same problem+json shape as every other error instead of Jetty's HTML page.
 */
public final class ProblemErrorHandler extends ErrorHandler {
    private static final HttpField CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    private static final HttpField NO_STORE = new HttpField(HttpHeader.CACHE_CONTROL, "no-store");
    /**
     * Jetty closes the connection after an error it raised itself; without saying so, a client that reuses the
     * connection loses its next request (the HTTP fuzz test caught this after an ambiguous path).
     */
    private static final HttpField CLOSE = new HttpField(HttpHeader.CONNECTION, "close");
    private final ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(CONTENT_TYPE);
        response.getHeaders().put(NO_STORE);
        response.getHeaders().put(CLOSE);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(CONTENT_TYPE);
        fields.put(NO_STORE);
        fields.put(CLOSE);
        return ByteBuffer.wrap(body(status, reason));
    }

    private byte[] body(int status, String message) {
        String title = HttpStatus.getMessage(status);
        // Jetty's messages name the parsing rule that failed; they hold no request data worth hiding.
        String detail = message == null || message.isBlank() ? title : message;
        Problem problem = Problem.of("http-" + status, title, status, detail);
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
