package dev.vouch.serving.app;

import static dev.vouch.serving.app.ApiTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.serving.model.CurrentWatcher;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelFixture;
import dev.vouch.serving.model.ModelLoader;
import dev.vouch.serving.model.ModelStore;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 4 of issue 12: an Error while loading a new version (an OutOfMemoryError beside the served model, or any
 * other Error) must not stop the CURRENT watcher; /ready and /metrics must show the failure until a load succeeds.
 * The Errors are injected through a loader subclass: a real OutOfMemoryError in the test JVM would take the other
 * tests down with it.
 */
class WatcherFaultsIT {
    private static final String V3 = "20260103-000000-000";
    private static final String V4 = "20260104-000000-000";

    /** Loads real version folders, except that the named versions throw the given Error. */
    private static final class FailingLoader extends ModelLoader {
        private final Map<String, Error> failures;

        FailingLoader(Map<String, Error> failures) {
            this.failures = failures;
        }

        @Override
        public Model load(Path versionDir, boolean gentle) {
            Error e = failures.get(versionDir.getFileName().toString());
            if (e != null) {
                throw e;
            }
            return super.load(versionDir, gentle);
        }
    }

    @Test
    void theWatcherSurvivesErrorsAndReportsThem(@TempDir Path models) {
        ModelFixture.create(models);
        ModelStore store = new ModelStore(models, new FailingLoader(Map.of(
                ModelFixture.V2, new OutOfMemoryError("Java heap space"),
                V3, new InternalError("boom while loading"))));
        store.reload();
        ServerConfig config = ServerConfig.of(models).withWatchInterval(Duration.ZERO);
        JavalinTest.test(VouchApp.create(store, config).javalin(), (server, client) -> {
            Http http = new Http(server.port());
            try (CurrentWatcher watcher = new CurrentWatcher(store, Duration.ofMillis(50))) {
                publish(models, ModelFixture.V2);
                await(() -> store.lastFailure().isPresent());
                JsonNode ready = http.get("/ready").json();
                assertThat(ready.path("version").asText()).isEqualTo(ModelFixture.V1);
                assertThat(ready.path("last_reload_error").path("version").asText()).isEqualTo(ModelFixture.V2);
                assertThat(ready.path("last_reload_error").path("error").asText()).contains("heap");

                publish(models, V3);
                await(() -> store.lastFailure().map(f -> f.error().contains("boom")).orElse(false));
                assertThat(http.get("/metrics").body()).contains("vouch_model_last_reload_failed 1");

                publish(models, V4);
                await(() -> store.current().map(m -> m.version().equals(V4)).orElse(false));
                ready = http.get("/ready").json();
                assertThat(ready.path("version").asText()).isEqualTo(V4);
                assertThat(ready.has("last_reload_error")).isFalse();
                assertThat(http.get("/metrics").body())
                        .contains("vouch_model_reloads_total{result=\"error\"} 2.0")
                        .contains("vouch_model_last_reload_failed 0");
            }
        });
    }

    private static void publish(Path models, String version) {
        ModelFixture.writeVersion(models, version, " (" + version + ")");
        ModelFixture.pointCurrent(models, version);
    }
}
