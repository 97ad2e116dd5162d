package dev.vouch.serving.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a JSON request body with a size limit: over the limit is 413, malformed JSON is 400 (field "body"). */
public final class JsonBody {
    private final ObjectMapper mapper;
    private final long maxBytes;

    public JsonBody(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** The body as a JSON object. */
    public JsonNode object(Context ctx) {
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
            node = mapper.readTree(bytes);
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
