package dev.vouch.serving.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.serving.app.ServerConfig;
import dev.vouch.serving.app.VouchServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The contract end to end: the jobs process ingests and trains on the embedded data and publishes a model; the
 * serving process loads it (checksums and all) and answers with explanations in the reviewer's own words.
 */
class JobsToServingIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + " → " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void servingAnswersFromTheModelTheJobsPublished() throws Exception {
        Path models = EmbeddedDataModel.modelsDir();
        String version = Files.readString(models.resolve("CURRENT")).strip();
        try (VouchServer server = VouchServer.start(ServerConfig.of(models).withPort(0)
                .withWatchInterval(Duration.ZERO))) {
            assertThat(server.modelVersion()).isEqualTo(version);
            assertThat(get(server.url() + "/ready").toString()).contains("true");

            JsonNode found = get(server.url() + "/api/reviewers?q=ines&limit=5");
            JsonNode ines = found.path("items").get(0);
            assertThat(ines.path("name").asText()).isEqualTo("Inès Duarte");
            String id = ines.path("id").asText();

            JsonNode suggestions = get(server.url() + "/api/reviewers/" + id + "/suggestions?limit=5");
            JsonNode items = suggestions.has("items") ? suggestions.get("items") : suggestions.path("suggestions");
            assertThat(items.size()).isPositive();
            JsonNode first = items.get(0);
            assertThat(first.path("explanation").path("sentence").asText()).contains("Inès Duarte");
            assertThat(first.path("kind").asText()).isIn("reviewed", "predicted");

            JsonNode film = get(server.url() + "/api/films?q=arrival&limit=3");
            JsonNode arrival = film.path("items").get(0);
            assertThat(arrival.path("id").asText()).isEqualTo("film:arrival-2016");
            JsonNode similar = get(server.url() + "/api/films/film:arrival-2016/similar");
            assertThat(similar.toString()).contains("co_liked");
        }
    }
}
