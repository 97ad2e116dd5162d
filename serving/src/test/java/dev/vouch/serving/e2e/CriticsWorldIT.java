package dev.vouch.serving.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo world where critics matter: the embedded data (data/reviews plus the seeded synthetic set) trained as
 * {@code vouch demo} trains it. The synthetic reviewers rate the critics' films and the critics sit in planted taste
 * groups (critics.csv, groups.csv), so the match route must find each critic's group, and the critics get real
 * predictions, quoted on their own scale.
 */
class CriticsWorldIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static JsonNode get(VouchServer server, String path) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    private static Map<String, String> rows(Path file, String kind) throws Exception {
        Map<String, String> out = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (kind == null) {
                out.put(f[0], f[1]);
            } else if (f[0].equals(kind)) {
                out.put("synthetic:" + f[1], f[2]);
            }
        }
        return out;
    }

    @Test
    void theMatchRouteFindsEachCriticsPlantedGroupAndCriticsGetPredictionsOnTheirScale() throws Exception {
        Path models = EmbeddedDataModel.modelsDir();
        Path synthetic = Path.of("").toAbsolutePath().resolve("target/e2e/synthetic");
        assumeTrue(Files.exists(synthetic.resolve("critics.csv")), "a model from VOUCH_E2E_MODELS has no planted truth");
        Map<String, String> critics = rows(synthetic.resolve("critics.csv"), null);
        Map<String, String> userGroup = rows(synthetic.resolve("groups.csv"), "user");
        assertThat(critics).hasSize(6);
        try (VouchServer server = VouchServer.start(ServerConfig.of(models).withPort(0)
                .withWatchInterval(Duration.ZERO))) {
            List<String> report = new ArrayList<>();
            for (Map.Entry<String, String> c : critics.entrySet()) {
                JsonNode items = get(server, "/api/reviewers/" + c.getKey() + "/match?limit=10").path("items");
                int synthetic10 = 0;
                int inGroup = 0;
                for (JsonNode m : items) {
                    String group = userGroup.get(m.path("reviewer").asText());
                    if (group != null) {
                        synthetic10++;
                        inGroup += group.equals(c.getValue()) ? 1 : 0;
                    }
                }
                report.add(c.getKey() + " (" + c.getValue() + "): " + inGroup + " of " + synthetic10);
                assertThat(synthetic10).as(c.getKey()).isGreaterThanOrEqualTo(8);
                // Six planted groups: by chance one match in six would be the critic's own group.
                assertThat(inGroup).as(report.toString()).isGreaterThanOrEqualTo(synthetic10 / 2 + 1);
            }
            System.out.println("critics' planted groups among their top 10 matches: " + report);

            // Inès Duarte scores out of 10; synthetic films are rated out of 5. Her predictions are hers, out of 10.
            JsonNode list = get(server, "/api/reviewers/reviews:ines-duarte/suggestions?limit=30");
            List<JsonNode> predicted = new ArrayList<>();
            list.path("items").forEach(i -> {
                if (i.path("kind").asText().equals("predicted")) {
                    predicted.add(i.path("explanation"));
                }
            });
            assertThat(predicted).isNotEmpty();
            assertThat(predicted).allSatisfy(e -> {
                assertThat(e.path("scale_max").asDouble()).isEqualTo(10.0);
                assertThat(e.path("sentence").asText()).doesNotContain("/5");
            });
            // Real predictions of her taste (factors from the films she shares with the synthetic world), out of 10
            assertThat(predicted).anySatisfy(e -> assertThat(e.path("predicted").asDouble()).isBetween(0.1, 10.0));
        }
    }
}
