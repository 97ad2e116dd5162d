package dev.vouch.serving.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.serving.app.ServerConfig;
import dev.vouch.serving.app.VouchServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What is measured is what is served. {@code vouch evaluate} publishes fold 1's model and writes the lists its
 * ranking scored for every kind of request (served-lists.jsonl); this serving process loads that version from the
 * Parquet files and must answer every request over HTTP with exactly the same films in the same order:
 * {@code GET /api/reviewers/{id}/suggestions}, and {@code POST /api/suggestions} with trusted reviewers and seen
 * films, with ratings, and with both.
 */
class EvaluateEqualsServeIT {
    private static final Set<String> FALLBACK_KINDS = Set.of("tag_match", "popular");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyListTheEvaluatorScoredIsWhatTheApiAnswers() throws Exception {
        Path models = EmbeddedDataModel.evaluatedFold();
        List<String> lines = Files.readAllLines(models.resolve("served-lists.jsonl"));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(40);
        try (VouchServer server = VouchServer.start(ServerConfig.of(models).withPort(0)
                .withWatchInterval(Duration.ZERO))) {
            int compared = 0;
            for (String line : lines) {
                JsonNode expected = json.readTree(line);
                List<String> films = strings(expected.get("films"));
                JsonNode answer = answer(server.url(), expected);
                List<String> served = new ArrayList<>();
                for (JsonNode item : answer.get("items")) {
                    if (!FALLBACK_KINDS.contains(item.get("kind").asText())) {
                        served.add(item.get("id").asText());
                    }
                }
                assertThat(served).as(line).containsExactlyElementsOf(films);
                compared += films.isEmpty() ? 0 : 1;
            }
            assertThat(compared).isGreaterThanOrEqualTo(40);
        }
    }

    private JsonNode answer(String base, JsonNode expected) throws Exception {
        String kind = expected.get("kind").asText();
        if (kind.equals("get")) {
            String id = URLEncoder.encode(expected.get("trusted").get(0).asText(), StandardCharsets.UTF_8);
            return send(HttpRequest.newBuilder(URI.create(base + "/api/reviewers/" + id + "/suggestions?limit=10")));
        }
        ObjectNode body = json.createObjectNode();
        expected.get("trusted").forEach(t -> body.withArray("trusted").addObject().put("reviewer", t.asText())
                .put("weight", 1));
        expected.get("seen").forEach(f -> body.withArray("seen").add(f.asText()));
        expected.get("ratings").forEach(r -> body.withArray("ratings").add(r));
        body.put("limit", 10);
        return send(HttpRequest.newBuilder(URI.create(base + "/api/suggestions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
