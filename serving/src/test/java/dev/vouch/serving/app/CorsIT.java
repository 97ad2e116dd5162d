package dev.vouch.serving.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.serving.model.ModelFixture;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which sites' pages may call the API from a browser: none unless configured, then exactly those origins. */
class CorsIT {
    private static final String SITE = "https://site.example";
    private static final String SUGGESTIONS = "/api/reviewers/rev:miguel/suggestions";

    private static void withOrigins(List<String> origins, Consumer<Http> test) {
        ServerConfig config = ServerConfig.of(ModelFixture.sharedStore().modelsDir()).withWatchInterval(Duration.ZERO)
                .withCorsOrigins(origins);
        JavalinTest.test(VouchApp.create(ModelFixture.sharedStore(), config).javalin(),
                (server, client) -> test.accept(new Http(server.port())));
    }

    private static Http.Answer preflight(Http http, String origin, String method, String path) {
        return http.request("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "content-type");
    }

    @Test
    void noOriginIsAllowedByDefault() {
        withOrigins(List.of(), http -> {
            Http.Answer get = http.get(SUGGESTIONS, "Origin", SITE);
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.header("Access-Control-Allow-Origin")).isNull();
            Http.Answer pre = preflight(http, SITE, "POST", "/api/suggestions");
            assertThat(pre.status()).isLessThan(500);
            assertThat(pre.header("Access-Control-Allow-Origin")).isNull();
        });
    }

    @Test
    void aConfiguredOriginMayCallTheApiAndReadTheETag() {
        withOrigins(List.of(SITE, "http://localhost:3000"), http -> {
            Http.Answer get = http.get(SUGGESTIONS, "Origin", SITE);
            assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
            assertThat(get.header("Access-Control-Expose-Headers")).contains("ETag");
            assertThat(get.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Origin"));
            assertThat(http.get("/widget/vouch-widget.js", "Origin", SITE).header("Access-Control-Allow-Origin"))
                    .as("the widget's module is imported with CORS").isEqualTo(SITE);
            assertThat(http.get(SUGGESTIONS, "Origin", "http://localhost:3000").header("Access-Control-Allow-Origin"))
                    .isEqualTo("http://localhost:3000");
            // Another origin is not refused (servers and the readers' page itself send Origin too): it just gets no
            // CORS headers, so a browser keeps that origin's pages from reading the answer.
            Http.Answer other = http.get(SUGGESTIONS, "Origin", "https://other.example");
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        });
    }

    @Test
    void thePreflightOfAJsonPostSucceedsForAConfiguredOriginOnly() {
        withOrigins(List.of(SITE), http -> {
            Http.Answer pre = preflight(http, SITE, "POST", "/api/suggestions");
            assertThat(pre.status()).isEqualTo(204);
            assertThat(pre.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
            assertThat(pre.header("Access-Control-Allow-Methods")).contains("POST");
            assertThat(pre.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type")
                    .containsIgnoringCase("if-none-match");
            assertThat(pre.header("Access-Control-Max-Age")).isEqualTo("600");
            Http.Answer post = http.post("/api/suggestions", "{\"trusted\": [{\"reviewer\": \"rev:miguel\"}]}",
                    "Origin", SITE);
            assertThat(post.status()).isEqualTo(200);
            assertThat(post.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
            assertThat(preflight(http, "https://other.example", "POST", "/api/suggestions")
                    .header("Access-Control-Allow-Origin")).isNull();
        });
    }

    @Test
    void aStarAllowsAnyOrigin() {
        withOrigins(List.of("*"), http ->
                assertThat(http.get(SUGGESTIONS, "Origin", "https://anyone.example")
                        .header("Access-Control-Allow-Origin")).isIn("*", "https://anyone.example"));
    }

    @Test
    void anOriginMustBeSchemeHostAndPort() {
        ServerConfig config = ServerConfig.of(ModelFixture.sharedStore().modelsDir());
        assertThat(config.withCorsOrigins(List.of(" https://site.example:8443 ")).corsOrigins())
                .containsExactly("https://site.example:8443");
        for (String bad : List.of("site.example", "https://site.example/page", "ftp://site.example", "https://",
                "https://site.example?x=1", "")) {
            assertThatThrownBy(() -> config.withCorsOrigins(List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CORS origin");
        }
    }
}
