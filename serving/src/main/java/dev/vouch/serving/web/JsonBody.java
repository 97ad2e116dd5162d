package dev.vouch.serving.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * Binds a JSON request body to a record, strictly, with a size limit: a Content-Type other than
 * {@code application/json} is 415, over the limit is 413, malformed JSON or text after the JSON value is 400 (field
 * "body"), and an unknown field or a value of the wrong type is 400 naming its path ({@code trusted[1].weight}). No
 * value is coerced: {@code "5"} is not a number and {@code 5} is not a string.
 */
public final class JsonBody {
    private final ObjectReader reader;
    private final long maxBytes;

    public JsonBody(ObjectMapper mapper, long maxBytes) {
        ObjectMapper strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Trailing text would mean the client and we disagree about where the request ends; refuse it.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.reader = strict.reader();
        this.maxBytes = maxBytes;
    }

    /** The body bound to {@code type}, a record whose components are the accepted JSON fields. */
    public <T> T bind(Context ctx, Class<T> type) {
        requireJson(ctx.contentType());
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        byte[] bytes = readAtMost(ctx);
        if (bytes.length == 0) {
            throw new BadRequestException("body", "the request body must be a JSON object");
        }
        T value;
        try {
            value = reader.forType(type).readValue(bytes);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            throw new BadRequestException(path, "unknown field '" + path + "'");
        } catch (MismatchedInputException e) {
            String path = path(e);
            throw new BadRequestException(path, path.equals("body") ? "the request body must be a JSON object"
                    : path + " must be " + expected(e.getTargetType()));
        } catch (JacksonException e) {
            throw new BadRequestException("body", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) { // the body was the JSON literal null
            throw new BadRequestException("body", "the request body must be a JSON object");
        }
        return value;
    }

    /** {@code trusted[1].weight} from Jackson's reference chain; "body" for the document itself. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        } else if (type == String.class) {
            return "a string";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return Collection.class.isAssignableFrom(type) || type.isArray() ? "an array" : "an object";
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
