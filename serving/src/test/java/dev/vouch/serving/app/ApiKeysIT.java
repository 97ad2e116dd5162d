package dev.vouch.serving.app;

import static dev.vouch.serving.app.ApiTesting.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.serving.access.ApiKeys;
import dev.vouch.serving.access.ApiPolicy;
import dev.vouch.serving.model.ModelFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Finding 7 of issue 12: optional API keys for /api/*, a per-key rate limit answering 429 with Retry-After. */
class ApiKeysIT {
    private static final String ALICE = "alice-0123456789abcdef";
    private static final String BOB = "bob-0123456789abcdef00";
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void withKeysTheApiNeedsOneAndEachKeyHasItsOwnRate() {
        ServerConfig config = ServerConfig.of(ModelFixture.sharedStore().modelsDir()).withPort(0)
                .withWatchInterval(Duration.ZERO)
                .withApi(new ApiPolicy(ApiKeys.parse("# sites\nalice=" + ALICE + "\nbob=" + BOB + "\n"), 2));
        try (VouchServer server = VouchServer.start(config)) {
            Http http = new Http(server.port());
            assertProblem(http.get("/api/films?q=a"), 401, null);
            assertProblem(answer(server, "/api/films?q=a", "not-a-key-at-all-000"), 401, null);
            assertThat(http.get("/health").status()).as("ops routes stay open").isEqualTo(200);
            assertThat(http.get("/").status()).isEqualTo(200);

            assertThat(answer(server, "/api/films?q=a", ALICE).status()).isEqualTo(200);
            Http.Answer limited = null;
            String retryAfter = null;
            for (int i = 0; i < 20 && limited == null; i++) {
                HttpResponse<String> r = send(server, "/api/films?q=a", ALICE);
                if (r.statusCode() == 429) {
                    limited = new Http.Answer(429, r.headers().firstValue("Content-Type").orElse(""), r.body(),
                            r.headers());
                    retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                } else {
                    assertThat(r.statusCode()).isEqualTo(200);
                }
            }
            assertThat(limited).as("20 quick requests at 2 per second").isNotNull();
            assertProblem(limited, 429, null);
            assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2);
            assertThat(answer(server, "/api/films?q=a", BOB).status()).as("bob has his own budget").isEqualTo(200);

            String metrics = http.get("/metrics").body();
            assertThat(metrics).contains("vouch_api_requests_total{key=\"alice\",result=\"limited\"}")
                    .contains("vouch_api_requests_total{key=\"bob\",result=\"allowed\"} 1.0")
                    .doesNotContain(ALICE).doesNotContain(BOB);
        }
    }

    @Test
    void malformedKeyEntriesAreRefusedWithoutEchoingTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiKeys.parse("alice=short"))
                .hasMessageContaining("entry 1").hasMessageNotContaining("short");
    }

    private Http.Answer answer(VouchServer server, String path, String key) {
        HttpResponse<String> r = send(server, path, key);
        return new Http.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers());
    }

    private HttpResponse<String> send(VouchServer server, String path, String key) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("X-Api-Key", key).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
