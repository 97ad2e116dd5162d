package dev.vouch.serving.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a JSON request body with a size limit: a Content-Type other than {@code application/json} is 415, over the
 * limit is 413, malformed JSON or text after the JSON value is 400 (field "body").
 */
public final class JsonBody {
    private final ObjectReader reader;
    private final long maxBytes;

    public JsonBody(ObjectMapper mapper, long maxBytes) {
        // Trailing text would mean the client and we disagree about where the request ends; refuse it.
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxBytes = maxBytes;
    }

    /** The body as a JSON object. */
    public JsonNode object(Context ctx) {
        requireJson(ctx.contentType());
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        byte[] bytes = readAtMost(ctx);
        if (bytes.length == 0) {
            throw new BadRequestException("body", "the request body must be a JSON object");
        }
        JsonNode node;
        try {
            node = reader.readTree(bytes);
        } catch (JacksonException e) {
            throw new BadRequestException("body", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException("body", "the request body must be a JSON object");
        }
        return node;
    }

    private static void requireJson(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        if (!type.equalsIgnoreCase("application/json")) {
            throw new UnsupportedMediaTypeException(contentType == null ? "(none)" : contentType);
        }
    }

    private byte[] readAtMost(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new BadRequestException("body", "the request body could not be read");
        }
    }
}
