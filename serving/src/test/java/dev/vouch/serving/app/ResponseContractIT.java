package dev.vouch.serving.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.serving.access.ApiKeys;
import dev.vouch.serving.access.ApiPolicy;
import dev.vouch.serving.model.ModelFixture;
import dev.vouch.serving.model.ModelStore;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpHeaders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every documented answer of every route, errors included, is produced for real and validated against openapi.json
 * (the functional tests validate theirs too, through {@link Http}). The test ends by comparing what it produced
 * with what the document lists, so a newly documented status cannot go unexercised.
 */
class ResponseContractIT {
    private static final String TOKEN = "s3cret";
    private static final String V3 = "20260103-000000-000";
    private static final String TRUST = "{\"trusted\": [{\"reviewer\": \"rev:miguel\"}]}";
    private static final String KEY = "contract-test-key-0123456789";
    private static final String RATED = "{\"ratings\": [{\"film\": \"film:arrival\", \"score\": 9}]}";

    @Test
    void everyDocumentedAnswerIsProducedAndMatchesItsSchema(@TempDir Path models, @TempDir Path empty) {
        ApiContract contract = new ApiContract();
        ModelFixture.create(models);
        try (VouchServer server = VouchServer.start(ServerConfig.of(models).withPort(0).withAdminToken(TOKEN)
                .withWatchInterval(Duration.ZERO).withMaxBodyBytes(4096))) {
            Http http = new Http(server.port(), contract);
            withAModel(http, contract);
            admin(http, models);
        }
        ModelStore noModel = new ModelStore(empty);
        JavalinTest.test(VouchApp.create(noModel, ServerConfig.of(empty).withWatchInterval(Duration.ZERO)).javalin(),
                (server, client) -> withoutAModel(new Http(server.port(), contract)));
        JavalinTest.test(VouchApp.create(ModelFixture.sharedStore(), ServerConfig.of(empty)).javalin(),
                (server, client) -> new Http(server.port(), contract).post("/admin/reload", ""));
        try (VouchServer keyed = VouchServer.start(ServerConfig.of(models).withPort(0)
                .withWatchInterval(Duration.ZERO).withApi(new ApiPolicy(ApiKeys.parse("site=" + KEY), 1)))) {
            withApiKeys(new Http(keyed.port(), contract));
        }

        assertThat(new TreeSet<>(contract.checked())).isEqualTo(documented(contract.document()));
    }

    private static void withAModel(Http http, ApiContract contract) {
        for (String path : new String[] {"/api/reviewers/rev:miguel/suggestions?limit=3",
                "/api/reviewers/rev:miguel/suggestions?aspect=story", "/api/reviewers?q=mig", "/api/reviewers?q=",
                "/api/reviewers/rev:miguel", "/api/reviewers/rev:new", "/api/reviewers/rev:miguel/kindred",
                "/api/films?q=a", "/api/films/film:arrival", "/api/films/film:amelie?reviewer=rev:miguel,rev:cy",
                "/api/films/film:arrival/similar", "/api/films/film:obscure/similar",
                "/api/reviewers/rev:miguel/match"}) {
            String etag = http.get(path).header("ETag");
            assertThat(http.get(path, "If-None-Match", etag).status()).isEqualTo(304);
        }
        for (String path : new String[] {"/api/reviewers/rev:miguel/suggestions?limit=0", "/api/reviewers?limit=0",
                "/api/reviewers/rev:miguel/kindred?limit=x", "/api/films?limit=101",
                "/api/films/film:arrival/similar?limit=0", "/api/reviewers/rev:miguel/match?min_co_rated=0"}) {
            assertThat(http.get(path).status()).as(path).isEqualTo(400);
        }
        for (String path : new String[] {"/api/reviewers/rev:ghost/suggestions", "/api/reviewers/rev:ghost",
                "/api/reviewers/rev:ghost/kindred", "/api/films/film:ghost", "/api/films/film:ghost/similar",
                "/api/reviewers/rev:ghost/match"}) {
            assertThat(http.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(http.post("/api/critics/match", RATED).status()).isEqualTo(200);
        assertThat(http.post("/api/critics/match", "{\"limit\": 0}").status()).isEqualTo(400);
        assertThat(http.post("/api/critics/match", RATED, "Content-Type", "text/plain").status()).isEqualTo(415);
        assertThat(http.post("/api/critics/match", "{\"ratings\": [{\"film\": \"film:ghost\", \"score\": 1}]}")
                .status()).isEqualTo(404);
        assertThat(http.post("/api/critics/match", "{\"ratings\": [" + "{\"film\": \"film:x\", \"score\": 1},"
                .repeat(200) + "{\"film\": \"y\", \"score\": 1}]}").status()).isEqualTo(413);
        assertThat(http.post("/api/suggestions", TRUST).status()).isEqualTo(200);
        assertThat(http.post("/api/suggestions", "{\"tags\": [\"horror\"], \"seen\": [\"film:alien\"]}").status())
                .isEqualTo(200);
        assertThat(http.post("/api/suggestions", "{\"colour\": 1}").status()).isEqualTo(400);
        assertThat(http.post("/api/suggestions", TRUST, "Content-Type", "text/plain").status()).isEqualTo(415);
        assertThat(http.post("/api/suggestions", "{\"trusted\": [{\"reviewer\": \"rev:ghost\"}]}").status())
                .isEqualTo(404);
        assertThat(http.post("/api/suggestions", "{\"seen\": [" + "\"film:x\",".repeat(1000) + "\"y\"]}").status())
                .isEqualTo(413);
        for (String ops : new String[] {"/health", "/ready", "/metrics", "/openapi.json"}) {
            assertThat(http.get(ops).status()).isEqualTo(200);
            // a malformed URI is refused by Jetty before any route runs, still as a problem body
            Http.Answer malformed = http.rawGet(ops + "%");
            assertThat(malformed.status()).isEqualTo(400);
            contract.check("GET", ops, malformed);
        }
    }

    /** With API keys: no key is a 401, a key over its rate a 429, on every /api route; a text body a 415. */
    private static void withApiKeys(Http http) {
        for (String path : new String[] {"/api/reviewers/rev:miguel/suggestions", "/api/reviewers?q=a",
                "/api/reviewers/rev:miguel", "/api/reviewers/rev:miguel/kindred", "/api/films?q=a",
                "/api/films/film:arrival", "/api/films/film:arrival/similar", "/api/reviewers/rev:miguel/match"}) {
            assertThat(http.get(path).status()).as(path).isEqualTo(401);
            http.get(path, "X-Api-Key", KEY);
            assertThat(http.get(path, "X-Api-Key", KEY).status()).as(path).isEqualTo(429);
        }
        assertThat(http.post("/api/suggestions", TRUST).status()).isEqualTo(401);
        http.post("/api/suggestions", TRUST, "X-Api-Key", KEY);
        assertThat(http.post("/api/suggestions", TRUST, "X-Api-Key", KEY).status()).isEqualTo(429);
        assertThat(http.post("/api/critics/match", RATED).status()).isEqualTo(401);
        http.post("/api/critics/match", RATED, "X-Api-Key", KEY);
        assertThat(http.post("/api/critics/match", RATED, "X-Api-Key", KEY).status()).isEqualTo(429);
        assertThat(new Http(http.port()).get("/health").status()).isEqualTo(200);
    }

    private static void admin(Http http, Path models) {
        assertThat(http.post("/admin/reload", "", "Authorization", "Bearer wrong").status()).isEqualTo(401);
        ModelFixture.writeVersion(models, ModelFixture.V2, " (v2)");
        ModelFixture.pointCurrent(models, ModelFixture.V2);
        assertThat(http.post("/admin/reload", "", "X-Admin-Token", TOKEN).status()).isEqualTo(200);
        ModelFixture.pointCurrent(models, V3);
        assertThat(http.post("/admin/reload", "", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(409);
    }

    private static void withoutAModel(Http http) {
        assertThat(http.get("/ready").status()).isEqualTo(503);
        for (String path : new String[] {"/api/reviewers/rev:miguel/suggestions", "/api/reviewers?q=a",
                "/api/reviewers/rev:miguel", "/api/reviewers/rev:miguel/kindred", "/api/films?q=a",
                "/api/films/film:arrival", "/api/films/film:arrival/similar", "/api/reviewers/rev:miguel/match"}) {
            assertThat(http.get(path).status()).as(path).isEqualTo(503);
        }
        assertThat(http.post("/api/suggestions", TRUST).status()).isEqualTo(503);
        assertThat(http.post("/api/critics/match", RATED).status()).isEqualTo(503);
    }

    /** {@code "GET /api/films/{id} 404"} for every response the document lists. */
    private static Set<String> documented(JsonNode document) {
        Set<String> out = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().path("responses").fieldNames().forEachRemaining(status ->
                        out.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + status))));
        return out;
    }

    @Test
    void anUndocumentedFieldOrAMissingOneFails() {
        ApiContract contract = new ApiContract();
        String problem = "{\"type\": \"urn:x\", \"title\": \"Not Found\", \"status\": 404, \"detail\": \"no\"}";
        assertThat(contract.errors("Problem", problem)).isEmpty();
        assertThat(contract.errors("Problem", problem.replace("}", ", \"trace\": \"at X\"}"))).hasSize(1);
        assertThat(contract.errors("Problem", problem.replace(", \"detail\": \"no\"", ""))).hasSize(1);
        // nested: an explanation inside a suggestion may not carry an undocumented note
        String suggestion = "{\"id\": \"f\", \"title\": \"T\", \"genres\": [], \"kind\": \"reviewed\","
                + " \"relevance\": 1, \"explanation\": {\"kind\": \"reviewed\", \"sentence\": \"S\"}}";
        assertThat(contract.errors("Suggestion", suggestion)).isEmpty();
        assertThat(contract.errors("Suggestion", suggestion.replace("\"S\"", "\"S\", \"because\": \"x\"")))
                .singleElement().asString().contains("because");
        // ...until it is documented: one property in openapi.json is all a new field needs.
        ObjectNode document = (ObjectNode) ApiContract.shipped();
        ((ObjectNode) document.at("/components/schemas/Explanation/properties"))
                .putObject("because").put("type", "string");
        assertThat(new ApiContract(document).errors("Suggestion",
                suggestion.replace("\"S\"", "\"S\", \"because\": \"x\""))).isEmpty();
        assertThat(contract.errors("Suggestion", suggestion.replace("\"kind\": \"reviewed\", \"relevance\"",
                "\"kind\": \"guessed\", \"relevance\""))).hasSize(1);
    }

    @Test
    void anAnswerWithAnUndocumentedStatusOrMediaTypeFails() {
        ApiContract contract = new ApiContract();
        HttpHeaders none = HttpHeaders.of(Map.of(), (k, v) -> true);
        HttpHeaders cacheable = HttpHeaders.of(Map.of("ETag", List.of("W/\"v.1\""), "Cache-Control",
                List.of("public, max-age=60")), (k, v) -> true);
        assertThatThrownBy(() -> contract.check("GET", "/api/films/film:x",
                new Http.Answer(418, "application/problem+json", "{}", none)))
                .hasMessageContaining("418, which is not documented");
        assertThatThrownBy(() -> contract.check("GET", "/api/films/film:x",
                new Http.Answer(200, "text/html", "<p>", cacheable))).hasMessageContaining("text/html");
        assertThatThrownBy(() -> contract.check("GET", "/api/films/film:x",
                new Http.Answer(200, "application/json", "{\"id\": \"film:x\"}", cacheable)))
                .hasMessageContaining("does not match openapi.json");
        assertThatThrownBy(() -> contract.check("GET", "/api/films/film:x",
                new Http.Answer(304, "", "", none))).hasMessageContaining("lacks the documented header ETag");
    }
}
