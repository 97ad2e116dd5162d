package dev.vouch.serving.app;

import static dev.vouch.serving.app.ApiTesting.assertProblem;
import static dev.vouch.serving.app.ApiTesting.withApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SuggestionsApiIT {
    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    @Test
    void reviewerSuggestionsWithExplanations() {
        withApi(http -> {
            Http.Answer a = http.get("/api/reviewers/rev:miguel/suggestions?limit=3");
            assertThat(a.status()).isEqualTo(200);
            JsonNode body = a.json();
            assertThat(ids(body)).containsExactly("film:arrival", "film:heat", "film:amelie");
            JsonNode first = body.path("items").get(0);
            assertThat(first.path("kind").asText()).isEqualTo("reviewed");
            JsonNode e = first.path("explanation");
            assertThat(e.path("reviewer_name").asText()).isEqualTo("Miguel Félix");
            assertThat(e.path("score").asDouble()).isEqualTo(9.0);
            assertThat(e.path("scale_max").asDouble()).isEqualTo(10.0);
            assertThat(e.path("aspects").get(0).path("name").asText()).isEqualTo("story");
            assertThat(e.path("tags").get(0).asText()).isEqualTo("Amazing soundtrack");
            assertThat(e.path("sentence").asText()).isEqualTo(
                    "Miguel Félix rated it 9/10 — Story 10/10 — tagged “Amazing soundtrack”.");
            JsonNode amelie = body.path("items").get(2);
            assertThat(amelie.path("kind").asText()).isEqualTo("predicted");
            // Bo, one of Miguel's kindred, rated it 7/10; the ranking leaned on "readers like him watched it"
            assertThat(amelie.path("explanation").path("supporters").asInt()).isEqualTo(1);
            assertThat(amelie.path("explanation").path("supporters_mean").asDouble()).isEqualTo(7.0);
            assertThat(amelie.path("explanation").path("watched_by_similar").asBoolean()).isTrue();
            assertThat(body.path("model_version").asText()).isEqualTo("20260101-000000-000");
        });
    }

    @Test
    void filtersAndAspect() {
        withApi(http -> {
            assertThat(ids(http.get("/api/reviewers/rev:miguel/suggestions?exclude=film:arrival,film:solaris"
                    + "&exclude=film:heat").json())).containsExactly("film:amelie", "film:alien");
            assertThat(ids(http.get("/api/reviewers/rev:miguel/suggestions?genre=SCI-FI&max_year=1999").json()))
                    .containsExactly("film:alien", "film:solaris");
            assertThat(ids(http.get("/api/reviewers/rev:miguel/suggestions?min_year=2000&tag=aliens").json()))
                    .containsExactly("film:arrival");
            JsonNode story = http.get("/api/reviewers/rev:miguel/suggestions?aspect=story").json();
            assertThat(ids(story)).containsExactly("film:arrival", "film:heat");
            assertThat(story.path("items").get(1).path("explanation").path("sentence").asText())
                    .isEqualTo("Miguel Félix gave it Story 8/10 (overall 6/10).");
        });
    }

    @ParameterizedTest
    @CsvSource({"limit=0,limit", "limit=101,limit", "limit=ten,limit", "limit=2.5,limit", "aspect=smell,aspect",
            "min_year=soon,min_year", "max_year=1e3,max_year", "min_year=2001&max_year=2000,min_year"})
    void badParametersAreNamed(String query, String field) {
        withApi(http -> assertProblem(http.get("/api/reviewers/rev:miguel/suggestions?" + query), 400, field));
    }

    @Test
    void unknownReviewerIs404() {
        withApi(http -> assertThat(assertProblem(http.get("/api/reviewers/rev:nobody/suggestions"), 404, null)
                .path("detail").asText()).contains("rev:nobody"));
    }

    @Test
    void trustSetBlendsAndExplains() {
        withApi(http -> {
            Http.Answer a = http.post("/api/suggestions", """
                    {"trusted": [{"reviewer": "rev:miguel", "weight": 1}, {"reviewer": "rev:ana", "weight": 1}],
                     "seen": ["film:solaris"], "limit": 3}""");
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(ids(a.json())).containsExactly("film:arrival", "film:alien", "film:heat");
            assertThat(a.json().path("sources").get(0).asText()).isEqualTo("trusted");
            assertThat(a.json().path("items").get(0).path("explanation").path("sentence").asText()).isNotBlank();
        });
    }

    @Test
    void trustSetOnOneAspect() {
        withApi(http -> {
            // story sub-scores: Miguel Arrival 10/10, Heat 8/10; Ana has none, so each counts half: 0.5, 0.4
            JsonNode story = http.post("/api/suggestions", """
                    {"trusted": [{"reviewer": "rev:miguel"}, {"reviewer": "rev:ana"}], "aspect": "Story",
                     "limit": 2}""").json();
            assertThat(ids(story)).containsExactly("film:arrival", "film:heat");
            assertThat(story.path("aspect").asText()).isEqualTo("story");
            assertThat(story.path("items").get(0).path("relevance").asDouble()).isEqualTo(0.5);
            assertThat(story.path("items").get(1).path("explanation").path("sentence").asText())
                    .isEqualTo("Miguel Félix gave it Story 8/10 (overall 6/10).");
        });
    }

    @Test
    void trustSetFoldsInRatingsAndFallsBack() {
        withApi(http -> {
            JsonNode personal = http.post("/api/suggestions", """
                    {"ratings": [{"film": "film:arrival", "score": 10}], "limit": 2}""").json();
            assertThat(ids(personal)).containsExactly("film:alien", "film:heat");
            assertThat(personal.path("items").get(0).path("kind").asText()).isEqualTo("personal");
            JsonNode fallback = http.post("/api/suggestions", """
                    {"tags": ["horror"], "limit": 2}""").json();
            assertThat(ids(fallback)).containsExactly("film:alien", "film:arrival");
            assertThat(fallback.path("sources").toString()).isEqualTo("[\"tag_match\",\"popular\"]");
            assertThat(ids(http.post("/api/suggestions", "{}").json())).hasSize(7);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"trusted\": [{\"reviewer\": \"rev:ana\", \"weight\": \"high\"}]}|trusted[0].weight",
        "{\"trusted\": [{\"reviewer\": \"rev:ana\", \"weight\": -1}]}|trusted[0].weight",
        "{\"trusted\": [{\"weight\": 1}]}|trusted[0].reviewer",
        "{\"trusted\": [{\"reviewer\": 7}]}|trusted[0].reviewer",
        "{\"trusted\": {\"reviewer\": \"rev:ana\"}}|trusted",
        "{\"trusted\": [\"rev:ana\"]}|trusted[0]",
        "{\"limit\": \"5\"}|limit",
        "{\"limit\": 500}|limit",
        "{\"limit\": 2.5}|limit",
        "{\"seen\": [1, 2]}|seen[0]",
        "{\"ratings\": [{\"film\": \"film:heat\", \"score\": \"9\"}]}|ratings[0].score",
        "{\"ratings\": [{\"film\": \"film:heat\", \"score\": 11}]}|ratings[0].score",
        "{\"ratings\": [{\"film\": \"film:heat\"}]}|ratings[0].score",
        "{\"min_year\": \"1990\"}|min_year",
        "{\"colour\": \"red\"}|colour",
        "{\"trusted\": [{\"reviewer\": \"rev:ana\"}], \"aspect\": \"smell\"}|aspect",
        "{\"trusted\": [{\"reviewer\": \"rev:ana\", \"wieght\": 1}]}|trusted[0].wieght",
        "{\"ratings\": [{\"film\": \"film:heat\", \"score\": 1e999}]}|ratings[0].score",
        "{\"trusted\": [{\"reviewer\": \"rev:ana\", \"weight\": 1e999}]}|trusted[0].weight",
        "{\"trusted\": [null]}|trusted[0]",
        "{\"limit\": NaN}|body",
        "null|body",
        "{\"trusted\": |body",
        "[1, 2]|body",
        "nonsense|body"})
    void badBodiesAreNamed(String body, String field) {
        withApi(http -> assertProblem(http.post("/api/suggestions", body), 400, field));
    }

    @Test
    void emptyBodyIs400() {
        withApi(http -> assertProblem(http.post("/api/suggestions", ""), 400, "body"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rev:ghost"})
    void unknownTrustedReviewerOrRatedFilmIs404(String id) {
        withApi(http -> {
            assertProblem(http.post("/api/suggestions", "{\"trusted\": [{\"reviewer\": \"" + id + "\"}]}"), 404, null);
            assertProblem(http.post("/api/suggestions", "{\"ratings\": [{\"film\": \"film:ghost\", \"score\": 3}]}"),
                    404, null);
        });
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String big = "{\"seen\": [" + "\"film:x\",".repeat(1000) + "\"film:y\"]}";
        withApi(http -> {
            assertProblem(http.post("/api/suggestions", big), 413, null);
            assertProblem(http.postChunked("/api/suggestions", big), 413, null);
        });
    }
}
