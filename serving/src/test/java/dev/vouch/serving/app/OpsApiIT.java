package dev.vouch.serving.app;

import static dev.vouch.serving.app.ApiTesting.assertProblem;
import static dev.vouch.serving.app.ApiTesting.withApi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.serving.model.ModelStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsApiIT {
    @Test
    void healthAndReadyWithAModel() {
        withApi(http -> {
            assertThat(http.get("/health").json().path("status").asText()).isEqualTo("up");
            Http.Answer ready = http.get("/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().path("ready").asBoolean()).isTrue();
            assertThat(ready.json().path("version").asText()).isEqualTo("20260101-000000-000");
        });
    }

    @Test
    void notReadyWithoutAModel(@TempDir Path empty) {
        withApi(new ModelStore(empty), http -> {
            assertThat(http.get("/health").status()).isEqualTo(200);
            Http.Answer ready = http.get("/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("ready").asBoolean()).isFalse();
            assertProblem(http.get("/api/reviewers/rev:miguel/suggestions"), 503, null);
            assertProblem(http.get("/api/films?q=a"), 503, null);
        });
    }

    @Test
    void metricsInPrometheusFormat() {
        withApi(http -> {
            http.get("/api/reviewers/rev:miguel/suggestions");
            http.get("/api/reviewers/rev:ghost/suggestions");
            Http.Answer metrics = http.get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("vouch_http_requests_seconds_count{method=\"GET\",route=\"/api/reviewers/{id}/suggestions\","
                            + "status=\"200\"}")
                    .contains("route=\"/api/reviewers/{id}/suggestions\",status=\"404\"")
                    .contains("vouch_http_requests_seconds_bucket")
                    .contains("vouch_model_info{version=\"20260101-000000-000\"} 1")
                    .contains("vouch_model_load_seconds")
                    .contains("vouch_model_estimated_bytes")
                    .contains("vouch_model_loaded 1.0")
                    .contains("jvm_memory_used_bytes");
        });
    }

    @Test
    void openApiAndTheStaticPage() {
        withApi(http -> {
            Http.Answer spec = http.get("/openapi.json");
            assertThat(spec.status()).isEqualTo(200);
            assertThat(spec.json().path("openapi").asText()).startsWith("3.");
            Http.Answer page = http.get("/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("Vouch");
        });
    }

    @Test
    void adminIsDisabledWithoutAToken() {
        withApi(http -> assertProblem(http.post("/admin/reload", ""), 403, null));
    }
}
