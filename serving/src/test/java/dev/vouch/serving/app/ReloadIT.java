package dev.vouch.serving.app;

import static dev.vouch.serving.app.ApiTesting.await;
import static dev.vouch.serving.app.ApiTesting.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.serving.model.ModelFixture;
import dev.vouch.serving.model.ModelLayout;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model lifecycle through the public {@link VouchServer} API: admin reload, refusal of bad models, watching. */
class ReloadIT {
    private static final String TOKEN = "s3cret";
    private static final String V3 = "20260103-000000-000";

    private static VouchServer start(Path models, Duration watch) {
        return VouchServer.start(ServerConfig.of(models).withPort(0).withAdminToken(TOKEN).withWatchInterval(watch));
    }

    private static String arrivalTitle(Http http) {
        return http.get("/api/films/film:arrival").json().path("title").asText();
    }

    @Test
    void aStartWarmsUpOverHttpBeforeItIsReady(@TempDir Path models) {
        ModelFixture.create(models);
        try (VouchServer server = VouchServer.start(ServerConfig.of(models).withPort(0), Duration.ofMillis(1500))) {
            Http http = new Http(server.port());
            assertThat(http.get("/ready").status()).isEqualTo(200);
            // the warm-up's own requests went through the real HTTP stack and are counted like any other
            String metrics = http.get("/metrics").body();
            assertThat(metrics).contains("route=\"/api/reviewers/{id}/suggestions\",status=\"200\"")
                    .contains("method=\"POST\",route=\"/api/suggestions\",status=\"200\"");
        }
    }

    @Test
    void adminReloadSwapsToTheNewVersion(@TempDir Path models) {
        ModelFixture.create(models);
        try (VouchServer server = start(models, Duration.ZERO)) {
            Http http = new Http(server.port());
            assertThat(arrivalTitle(http)).isEqualTo("Arrival");
            ModelFixture.writeVersion(models, ModelFixture.V2, " (v2)");
            ModelFixture.pointCurrent(models, ModelFixture.V2);
            Http.Answer reload = http.post("/admin/reload", "", "Authorization", "Bearer " + TOKEN);
            assertThat(reload.status()).as(reload.body()).isEqualTo(200);
            JsonNode body = reload.json();
            assertThat(body.path("version").asText()).isEqualTo(ModelFixture.V2);
            assertThat(body.path("previous").asText()).isEqualTo(ModelFixture.V1);
            assertThat(body.path("changed").asBoolean()).isTrue();
            assertThat(arrivalTitle(http)).isEqualTo("Arrival (v2)");
            assertThat(http.post("/admin/reload", "", "X-Admin-Token", TOKEN).json().path("changed").asBoolean())
                    .isFalse();
            assertThat(http.get("/metrics").body()).contains("vouch_model_info{version=\"" + ModelFixture.V2 + "\"} 1")
                    .as("only the served version has an info series")
                    .doesNotContain("vouch_model_info{version=\"" + ModelFixture.V1 + "\"}");
        }
    }

    @Test
    void aVersionFolderLinkedFromOutsideTheModelsFolderIsRefused(@TempDir Path models, @TempDir Path elsewhere)
            throws java.io.IOException {
        ModelFixture.create(models);
        try (VouchServer server = start(models, Duration.ZERO)) {
            Http http = new Http(server.port());
            java.nio.file.Files.createSymbolicLink(models.resolve(ModelFixture.V2),
                    ModelFixture.writeVersion(elsewhere, ModelFixture.V2, " (outside)"));
            ModelFixture.pointCurrent(models, ModelFixture.V2);
            JsonNode problem = assertProblem(http.post("/admin/reload", "", "X-Admin-Token", TOKEN), 409, null);
            assertThat(problem.path("detail").asText()).contains("outside the models folder");
            assertThat(arrivalTitle(http)).isEqualTo("Arrival");
        }
    }

    @Test
    void theServerNamesItsVersionInALeaseForRetention(@TempDir Path models) throws java.io.IOException {
        ModelFixture.create(models);
        Path lease;
        try (VouchServer server = start(models, Duration.ZERO)) {
            Http http = new Http(server.port());
            Path leases = models.resolve(ModelLayout.SERVING_LEASES);
            try (var files = java.nio.file.Files.list(leases)) {
                lease = files.filter(f -> f.getFileName().toString().endsWith("-" + ProcessHandle.current().pid()))
                        .findFirst().orElseThrow();
            }
            assertThat(java.nio.file.Files.readString(lease).strip()).isEqualTo(ModelFixture.V1);
            ModelFixture.writeVersion(models, ModelFixture.V2, " (v2)");
            ModelFixture.pointCurrent(models, ModelFixture.V2);
            http.post("/admin/reload", "", "X-Admin-Token", TOKEN);
            assertThat(java.nio.file.Files.readString(lease).strip()).isEqualTo(ModelFixture.V2);
        }
        assertThat(lease).as("removed when the server stops").doesNotExist();
    }

    @Test
    void adminReloadNeedsTheToken(@TempDir Path models) {
        ModelFixture.create(models);
        try (VouchServer server = start(models, Duration.ZERO)) {
            Http http = new Http(server.port());
            assertProblem(http.post("/admin/reload", ""), 401, null);
            assertProblem(http.post("/admin/reload", "", "Authorization", "Bearer wrong"), 401, null);
        }
    }

    @Test
    void aCorruptOrMissingVersionIsRefusedAndTheOldKeepsServing(@TempDir Path models) {
        ModelFixture.create(models);
        try (VouchServer server = start(models, Duration.ZERO)) {
            Http http = new Http(server.port());
            ModelFixture.corrupt(ModelFixture.writeVersion(models, V3, " (v3)"), ModelLayout.OPINIONS);
            ModelFixture.pointCurrent(models, V3);
            JsonNode problem = assertProblem(http.post("/admin/reload", "", "X-Admin-Token", TOKEN), 409, null);
            assertThat(problem.path("detail").asText()).contains("checksum mismatch");
            ModelFixture.pointCurrent(models, "20991231-000000-000");
            assertProblem(http.post("/admin/reload", "", "X-Admin-Token", TOKEN), 409, null);
            assertThat(http.get("/ready").json().path("version").asText()).isEqualTo(ModelFixture.V1);
            assertThat(arrivalTitle(http)).isEqualTo("Arrival");
            assertThat(http.get("/api/reviewers/rev:miguel/suggestions").status()).isEqualTo(200);
            assertThat(http.get("/metrics").body()).contains("vouch_model_reloads_total{result=\"refused\"} 2.0");
        }
    }

    @Test
    void theWatcherFollowsCurrentAndIgnoresABadVersion(@TempDir Path models) throws InterruptedException {
        ModelFixture.create(models);
        try (VouchServer server = start(models, Duration.ofMillis(50))) {
            Http http = new Http(server.port());
            ModelFixture.writeVersion(models, ModelFixture.V2, " (v2)");
            ModelFixture.pointCurrent(models, ModelFixture.V2);
            await(() -> ModelFixture.V2.equals(server.modelVersion()));
            assertThat(arrivalTitle(http)).isEqualTo("Arrival (v2)");
            ModelFixture.corrupt(ModelFixture.writeVersion(models, V3, " (v3)"), ModelLayout.FILMS);
            ModelFixture.pointCurrent(models, V3);
            Thread.sleep(500);
            assertThat(server.modelVersion()).isEqualTo(ModelFixture.V2);
            assertThat(arrivalTitle(http)).isEqualTo("Arrival (v2)");
        }
    }

    @Test
    void startsNotReadyAndBecomesReadyWhenAModelIsPublished(@TempDir Path models) {
        try (VouchServer server = start(models, Duration.ofMillis(50))) {
            Http http = new Http(server.port());
            assertThat(http.get("/ready").status()).isEqualTo(503);
            ModelFixture.create(models);
            await(() -> server.modelVersion() != null);
            assertThat(http.get("/ready").status()).isEqualTo(200);
            assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
        }
    }
}
