package dev.vouch.serving.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks real answers against openapi.json: the status must be documented for the operation (or its 4XX range),
 * the documented headers must be there, the media type must be one documented for that status, and a JSON body must
 * match the schema (networknt json-schema-validator, OpenAPI 3.0 dialect).
 *
 * <p>Object schemas are closed here, not in the document: every schema that lists {@code properties} and says
 * nothing of {@code additionalProperties} rejects undocumented fields, and {@code required} rejects missing ones. So
 * a field added to an answer fails the tests until it is documented in openapi.json, and documenting it is all it
 * takes; the published document stays open, so clients built from it keep working when fields are added.
 */
public final class ApiContract {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The contract every {@link Http} checks its answers against. */
    public static final ApiContract SHARED = new ApiContract();

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    /** The contract of the openapi.json on the classpath (the one the server serves). */
    public ApiContract() {
        this(shipped());
    }

    /** The contract of a given document (a test may add a field to a copy). */
    public ApiContract(JsonNode openApi) {
        document = openApi.deepCopy();
        close(document);
    }

    /** The API document as the server ships it. */
    public static JsonNode shipped() {
        try (InputStream in = ApiContract.class.getResourceAsStream("/openapi.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as the tests read it (object schemas closed). */
    public JsonNode document() {
        return document;
    }

    /** {@code "GET /api/films/{id} 404"} for every answer checked so far. */
    public Set<String> checked() {
        return Set.copyOf(checked);
    }

    /**
     * Checks one answer to {@code method path} (a concrete path, query allowed). Answers to paths the document does
     * not describe (static files, unknown routes) are checked only when they are problem details.
     *
     * @throws AssertionError naming every mismatch
     */
    public void check(String method, String path, Http.Answer answer) {
        String template = template(path.replaceFirst("\\?.*$", ""));
        String mediaType = answer.contentType().replaceFirst(";.*$", "").trim().toLowerCase(Locale.ROOT);
        if (template == null) {
            if (mediaType.equals("application/problem+json")) {
                validate("Problem", MAPPER.createObjectNode().put("$ref", "#/components/schemas/Problem"), answer);
            }
            return;
        }
        String op = method.toUpperCase(Locale.ROOT) + " " + template;
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError(op + " is not documented");
        }
        String status = Integer.toString(answer.status());
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.has(status) ? responses.get(status) : responses.path(status.charAt(0) + "XX");
        if (response.isMissingNode()) {
            throw new AssertionError(op + " answered " + status + ", which is not documented: " + answer.body());
        }
        response = resolve(response);
        checked.add(op + " " + status);
        for (Iterator<String> it = response.path("headers").fieldNames(); it.hasNext(); ) {
            String header = it.next();
            if (answer.header(header) == null) {
                throw new AssertionError(op + " " + status + " lacks the documented header " + header);
            }
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!answer.body().isEmpty()) {
                throw new AssertionError(op + " " + status + " is documented without a body, got: " + answer.body());
            }
            return;
        }
        if (!content.has(mediaType)) {
            throw new AssertionError(op + " " + status + " answered " + mediaType + ", documented: "
                    + iterable(content.fieldNames()));
        }
        if (mediaType.endsWith("json")) {
            validate(op + " " + status + " " + mediaType, content.get(mediaType).path("schema"), answer);
        }
    }

    /** Validates a JSON text against a component schema, e.g. {@code Suggestion}; the errors, empty when valid. */
    public List<String> errors(String component, String json) {
        try {
            JsonNode ref = MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + component);
            return messages(schema(component, ref).validate(MAPPER.readTree(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void validate(String key, JsonNode schemaNode, Http.Answer answer) {
        List<String> errors = messages(schema(key, schemaNode).validate(answer.json()));
        if (!errors.isEmpty()) {
            throw new AssertionError(key + " does not match openapi.json: " + errors + "\n" + answer.body());
        }
    }

    /** One schema per response: its schema as the root, with the components beside it for its references. */
    private Schema schema(String key, JsonNode schemaNode) {
        return schemas.computeIfAbsent(key, k -> {
            ObjectNode root = schemaNode.deepCopy();
            root.set("components", document.get("components"));
            return registry.getSchema(root);
        });
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        return document.at(node.get("$ref").asText().substring(1));
    }

    private String template(String path) {
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            String regex = Pattern.quote(t).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex)) {
                return t;
            }
        }
        return null;
    }

    /** Adds {@code additionalProperties: false} to every object schema that lists properties and is silent on it. */
    private static void close(JsonNode node) {
        if (node.isObject()) {
            if (node.path("properties").isObject() && !node.has("additionalProperties")) {
                ((ObjectNode) node).put("additionalProperties", false);
            }
            node.forEach(ApiContract::close);
        } else if (node.isArray()) {
            node.forEach(ApiContract::close);
        }
    }

    private static List<String> messages(List<Error> errors) {
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.toString()));
        return out;
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
