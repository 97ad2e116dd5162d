package dev.vouch.serving.app;

import static dev.vouch.serving.app.ApiTesting.assertProblem;
import static dev.vouch.serving.app.ApiTesting.withApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Smaller items of issue 12, finding 6: Jetty's own errors, trailing JSON, media types, security headers. */
class HostileHttpIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void errorsRaisedByJettyItselfAreProblemJson() {
        withApi(http -> {
            int port = http.port();
            assertJettyProblem(raw(port, "GET /api/films/%FF%FE HTTP/1.1\r\nHost: vouch\r\nConnection: close\r\n\r\n"),
                    400);
            assertJettyProblem(get(port, "/api/films?q=" + "a".repeat(20_000)), 414);
            assertJettyProblem(get(port, "/health", "X-Big: " + "b".repeat(20_000)), 431);
        });
    }

    @Test
    void trailingTextAfterTheJsonBodyIsRefused() {
        withApi(http -> {
            assertProblem(http.post("/api/suggestions", "{\"limit\": 3} {\"limit\": 4}"), 400, "body");
            assertProblem(http.post("/api/suggestions", "{\"limit\": 3} trailing"), 400, "body");
            assertThat(http.post("/api/suggestions", "{\"limit\": 3}  \n").status()).isEqualTo(200);
        });
    }

    @Test
    void aBodyThatIsNotDeclaredAsJsonIsRefusedWith415() {
        withApi(http -> {
            assertProblem(http.post("/api/suggestions", "{}", "Content-Type", "text/plain"), 415, null);
            assertProblem(http.post("/api/suggestions", "{}", "Content-Type", "application/x-www-form-urlencoded"),
                    415, null);
            assertThat(http.post("/api/suggestions", "{}", "Content-Type", "application/json; charset=utf-8")
                    .status()).isEqualTo(200);
        });
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        withApi(http -> {
            for (String path : new String[] {"/", "/js/app.js", "/health", "/api/films/film:ghost"}) {
                RawHttp.Answer a = get(http.port(), path);
                assertThat(a.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
                assertThat(a.header("Content-Security-Policy")).as(path).contains("default-src 'self'")
                        .contains("frame-ancestors 'none'");
            }
        });
    }

    @Test
    void trustWeightsAreBounded() {
        withApi(http -> assertProblem(http.post("/api/suggestions",
                "{\"trusted\": [{\"reviewer\": \"rev:miguel\", \"weight\": 1e39}]}"), 400, "trusted[0].weight"));
    }

    private static void assertJettyProblem(RawHttp.Answer a, int status) {
        assertThat(a.status()).as(a.head()).isEqualTo(status);
        assertThat(a.header("Content-Type")).as(a.head()).startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = MAPPER.readTree(a.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + a.body(), e);
        }
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
    }

    private static RawHttp.Answer get(int port, String target, String... headers) {
        try {
            return RawHttp.get(port, target, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawHttp.Answer raw(int port, String request) {
        try {
            return RawHttp.send(port, request.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
