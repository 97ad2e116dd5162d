package dev.vouch.serving.app;

import static dev.vouch.serving.app.ApiTesting.withApi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.serving.model.ModelFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ETag, If-None-Match and Cache-Control on the model's GET answers, and what a CDN does with them over a reload. */
class HttpCachingIT {
    private static final String TOKEN = "s3cret";
    private static final List<String> CACHEABLE = List.of(
            "/api/reviewers/rev:miguel/suggestions?limit=3", "/api/reviewers/rev:miguel/suggestions?aspect=story",
            "/api/reviewers?q=mig", "/api/reviewers/rev:miguel", "/api/reviewers/rev:miguel/kindred",
            "/api/films?q=a", "/api/films/film:arrival", "/api/films/film:arrival?reviewer=rev:miguel",
            "/api/films/film:arrival/similar");

    @Test
    void everyModelAnswerCarriesAnETagAndAMaxAge() {
        withApi(http -> {
            Map<String, String> etags = new HashMap<>();
            for (String path : CACHEABLE) {
                Http.Answer a = http.get(path);
                assertThat(a.status()).as(path).isEqualTo(200);
                assertThat(a.header("ETag")).as(path).startsWith("W/\"" + ModelFixture.V1 + ".");
                assertThat(a.header("Cache-Control")).isEqualTo("public, max-age=60");
                assertThat(a.header("Vary")).contains("Origin");
                assertThat(http.get(path).header("ETag")).as("stable for the same request").isEqualTo(a.header("ETag"));
                etags.put(path, a.header("ETag"));
            }
            assertThat(etags.values()).as("one ETag per request").doesNotHaveDuplicates();
        });
    }

    @Test
    void ifNoneMatchGivesA304WithoutABody() {
        withApi(http -> {
            String path = "/api/reviewers/rev:miguel/suggestions?limit=3";
            String etag = http.get(path).header("ETag");
            Http.Answer notModified = http.get(path, "If-None-Match", etag);
            assertThat(notModified.status()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(notModified.header("ETag")).isEqualTo(etag);
            assertThat(notModified.header("Cache-Control")).isEqualTo("public, max-age=60");
            // a list of tags, and the strong form of our weak tag, match too (weak comparison)
            assertThat(http.get(path, "If-None-Match", "W/\"other\", " + etag).status()).isEqualTo(304);
            assertThat(http.get(path, "If-None-Match", etag.substring(2)).status()).isEqualTo(304);
            assertThat(http.get(path, "If-None-Match", "W/\"other\"").status()).isEqualTo(200);
            assertThat(http.get(path.replace("limit=3", "limit=2"), "If-None-Match", etag).status())
                    .as("another request has another tag").isEqualTo(200);
        });
    }

    @Test
    void errorsAndOperationalAnswersAreNotStored() {
        withApi(http -> {
            for (String path : List.of("/api/reviewers/rev:ghost/suggestions", "/api/films?limit=0", "/health",
                    "/ready", "/metrics")) {
                Http.Answer a = http.get(path);
                assertThat(a.header("ETag")).as(path).isNull();
                assertThat(a.header("Cache-Control")).as(path).isEqualTo("no-store");
            }
            Http.Answer posted = http.post("/api/suggestions", "{\"trusted\": [{\"reviewer\": \"rev:miguel\"}]}");
            assertThat(posted.status()).isEqualTo(200);
            assertThat(posted.header("ETag")).isNull();
        });
    }

    @Test
    void theMaxAgeIsConfigurable() {
        var store = ModelFixture.sharedStore();
        ServerConfig config = ServerConfig.of(store.modelsDir()).withWatchInterval(Duration.ZERO)
                .withCacheMaxAge(Duration.ofSeconds(5));
        io.javalin.testtools.JavalinTest.test(VouchApp.create(store, config).javalin(), (server, client) ->
                assertThat(new Http(server.port()).get("/api/films?q=a").header("Cache-Control"))
                        .isEqualTo("public, max-age=5"));
    }

    /**
     * A CDN may serve an answer from the old model until its max-age runs out after a reload, never later: then it
     * revalidates, the ETag has changed with the model, and it gets and serves the new answer.
     */
    @Test
    void aSharedCacheNeverServesTheOldModelOnceMaxAgeHasPassedSinceTheReload(@TempDir Path models) {
        ModelFixture.create(models);
        try (VouchServer server = VouchServer.start(ServerConfig.of(models).withPort(0).withAdminToken(TOKEN)
                .withWatchInterval(Duration.ZERO))) {
            Http http = new Http(server.port());
            SharedCache cdn = new SharedCache(http);
            Map<String, String> before = new HashMap<>();
            for (String path : CACHEABLE) {
                assertThat(cdn.get(path).outcome()).isEqualTo(SharedCache.Outcome.MISS);
                before.put(path, http.get(path).body());
            }
            cdn.advance(Duration.ofSeconds(61));
            for (String path : CACHEABLE) {
                SharedCache.Served s = cdn.get(path);
                assertThat(s.outcome()).as("same model: a cheap 304").isEqualTo(SharedCache.Outcome.REVALIDATED);
                assertThat(s.body()).isEqualTo(before.get(path));
            }

            cdn.advance(Duration.ofSeconds(30));
            ModelFixture.writeVersion(models, ModelFixture.V2, " (v2)");
            ModelFixture.pointCurrent(models, ModelFixture.V2);
            assertThat(http.post("/admin/reload", "", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(200);

            // Within max-age of the last validation the CDN may still serve the v1 answer: documented, allowed.
            SharedCache.Served stale = cdn.get("/api/films/film:arrival");
            assertThat(stale.outcome()).isEqualTo(SharedCache.Outcome.HIT);
            assertThat(stale.body()).contains("\"Arrival\"");

            cdn.advance(Duration.ofSeconds(30));
            for (String path : CACHEABLE) {
                SharedCache.Served s = cdn.get(path);
                Http.Answer now = http.get(path);
                assertThat(s.outcome()).as(path).isEqualTo(SharedCache.Outcome.REFRESHED);
                assertThat(s.etag()).as("a model swap changes every ETag").startsWith("W/\"" + ModelFixture.V2 + ".");
                assertThat(s.body()).as(path).isEqualTo(now.body());
            }
            assertThat(cdn.get("/api/films/film:arrival").body()).contains("Arrival (v2)");
            assertThat(cdn.get("/api/reviewers/rev:miguel/suggestions?limit=3").body())
                    .contains("\"model_version\":\"" + ModelFixture.V2 + "\"");
        }
    }
}
