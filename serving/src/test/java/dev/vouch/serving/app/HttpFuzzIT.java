package dev.vouch.serving.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.serving.model.ModelFixture;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The seeded HTTP fuzz of issue 12's acceptance: 2,000 requests across every route (and some that are not routes),
 * with hostile parameters, ids and bodies. No answer may be a 500, every error must be a JSON problem, and none may
 * take a second or more. A failure prints the seed and the request, so it can be replayed.
 */
class HttpFuzzIT {
    private static final long SEED = 12L;
    private static final int REQUESTS = 2_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] IDS = {"rev:miguel", "rev:ana", "rev:new", "film:arrival", "film:obscure",
        "film:amelie", "rev:ghost", "", " ", "a/b", "..", "../../etc/passwd", "%", "😀", "é", "\u0000", "x".repeat(300),
        "' OR 1=1 --", "<script>alert(1)</script>", "rev:miguel\n", "film:arrival;", "-1", "1e400"};
    private static final String[] VALUES = {"", "0", "-1", "1", "5", "50", "10000", "2147483648", "1e3", "NaN",
        "abc", "story", "Sci-Fi", "charming", "1995", "3000", "film:heat", "film:heat,film:alien", ",,,", " ", "%",
        "true", "null", "😀", "x".repeat(2_000)};
    private static final String[] PARAMS = {"limit", "exclude", "genre", "min_year", "max_year", "tag", "aspect", "q",
        "reviewer", "unknown"};
    private static final String[] BODIES = {"{}", "", "[]", "null", "1", "\"x\"", "{\"limit\":3}", "{\"limit\":-1}",
        "{\"limit\":1e400}", "{\"trusted\":[{\"reviewer\":\"rev:miguel\",\"weight\":2}]}",
        "{\"trusted\":[{\"reviewer\":\"rev:miguel\",\"weight\":1e39}]}", "{\"trusted\":{}}", "{\"trusted\":[1]}",
        "{\"ratings\":[{\"film\":\"film:heat\",\"score\":0.9}]}", "{\"ratings\":[{\"film\":\"film:heat\"}]}",
        "{\"seen\":[\"film:heat\",null]}", "{\"tags\":[\"x\"],\"genre\":\"Drama\",\"min_year\":2000}", "{\"a\":1}",
        "{\"limit\":3} {}", "{\"limit\":3", "{\"trusted\":[" + "[".repeat(3_000), "{\"aspect\":\"story\"}",
        "{\"trusted\":[{\"reviewer\":\"rev:ghost\"}]}", "\uFEFF{}"};

    @Test
    void twoThousandSeededRequestsNeverAnswer500OrHtmlOrSlowly() {
        ServerConfig config = ServerConfig.of(ModelFixture.sharedStore().modelsDir()).withPort(0)
                .withWatchInterval(Duration.ZERO).withAdminToken("fuzz-token");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        try (VouchServer server = VouchServer.start(config)) {
            String previous = "none";
            for (int i = 0; i < REQUESTS; i++) {
                HttpRequest request = request(random, server.url());
                long started = System.nanoTime();
                HttpResponse<String> answer = send(client, request, previous);
                previous = request.method() + " " + request.uri() + " -> " + answer.statusCode() + " "
                        + answer.headers().map();
                long millis = (System.nanoTime() - started) / 1_000_000;
                String problem = check(answer, millis);
                if (problem != null) {
                    failures.add("#" + i + " " + request.method() + " " + request.uri() + ": " + problem);
                }
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    private static String check(HttpResponse<String> answer, long millis) {
        if (millis >= 1_000) {
            return "took " + millis + " ms";
        }
        int status = answer.statusCode();
        if (status >= 500) {
            return "status " + status + ": " + answer.body();
        }
        if (status >= 400) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "status " + status + " with Content-Type " + type;
            }
            try {
                MAPPER.readTree(answer.body()).get("status").asInt();
            } catch (IOException | RuntimeException e) {
                return "status " + status + " with a body that is not a problem: " + answer.body();
            }
        }
        return null;
    }

    private static HttpRequest request(Random random, String base) {
        String id = enc(pick(random, IDS));
        String path = switch (random.nextInt(14)) {
            case 0 -> "/api/reviewers/" + id + "/suggestions";
            case 1 -> "/api/reviewers/" + id + "/kindred";
            case 2 -> "/api/reviewers/" + id;
            case 3 -> "/api/reviewers";
            case 4 -> "/api/films";
            case 5 -> "/api/films/" + id;
            case 6 -> "/api/films/" + id + "/similar";
            case 7 -> "/health";
            case 8 -> "/ready";
            case 9 -> random.nextInt(10) == 0 ? "/metrics" : "/openapi.json";
            case 10 -> "/admin/reload";
            case 11 -> "/api/suggestions";
            case 12 -> "/" + pick(random, new String[] {"", "js/app.js", "css/vouch.css", "nope", "js/../../x",
                "favicon.svg", "api", "api/", "admin"});
            default -> "/api/" + id + "/" + enc(pick(random, VALUES));
        };
        StringBuilder query = new StringBuilder();
        for (int p = random.nextInt(4); p > 0; p--) {
            query.append(query.length() == 0 ? '?' : '&').append(pick(random, PARAMS)).append('=')
                    .append(enc(pick(random, VALUES)));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(Duration.ofSeconds(10));
        String method = path.equals("/api/suggestions") || path.equals("/admin/reload")
                ? (random.nextInt(6) == 0 ? "GET" : "POST")
                : pick(random, new String[] {"GET", "GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"});
        if (method.equals("GET") || method.equals("DELETE")) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        b.header("Content-Type", pick(random, new String[] {"application/json", "application/json", "text/plain",
            "application/json; charset=utf-8"}));
        if (path.equals("/admin/reload")) {
            b.header("Authorization", "Bearer " + pick(random, new String[] {"fuzz-token", "wrong", "", "fuzz-token2"}));
        }
        return b.method(method, HttpRequest.BodyPublishers.ofString(pick(random, BODIES))).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, String previous) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("seed " + SEED + ": " + request.method() + " " + request.uri() + " failed: " + e + " (previous: " + previous + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
