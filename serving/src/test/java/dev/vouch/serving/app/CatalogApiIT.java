package dev.vouch.serving.app;

import static dev.vouch.serving.app.ApiTesting.assertProblem;
import static dev.vouch.serving.app.ApiTesting.withApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Search, profiles, kindred and similar films. */
class CatalogApiIT {
    private static List<String> values(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path(field).asText()));
        return out;
    }

    @Test
    void reviewerSearchIsPrefixCaseInsensitiveAndAccentFolded() {
        withApi(http -> {
            assertThat(values(http.get("/api/reviewers?q=FELIX").json().path("items"), "name"))
                    .containsExactly("Miguel Félix");
            assertThat(values(http.get("/api/reviewers?q=mig").json().path("items"), "id"))
                    .containsExactly("rev:miguel");
            assertThat(http.get("/api/reviewers?q=zz").json().path("items")).isEmpty();
            // empty q: most active first (4 reviews each, then index order), New Person (0) last
            List<String> all = values(http.get("/api/reviewers?q=&limit=5").json().path("items"), "id");
            assertThat(all).hasSize(5).endsWith("rev:new");
            assertThat(http.get("/api/reviewers?limit=2").json().path("items")).hasSize(2);
        });
    }

    @Test
    void filmSearch() {
        withApi(http -> {
            JsonNode amelie = http.get("/api/films?q=Ame").json().path("items");
            assertThat(values(amelie, "title")).containsExactly("Amélie");
            assertThat(amelie.get(0).path("id").asText()).isEqualTo("film:amelie");
            assertThat(values(http.get("/api/films?q=a&limit=10").json().path("items"), "id"))
                    .containsExactly("film:arrival", "film:alien", "film:amelie");
            assertThat(values(http.get("/api/films?limit=1").json().path("items"), "id")).containsExactly("film:arrival");
        });
    }

    @Test
    void reviewerProfile() {
        withApi(http -> {
            JsonNode p = http.get("/api/reviewers/rev:miguel").json();
            assertThat(p.path("name").asText()).isEqualTo("Miguel Félix");
            assertThat(p.path("role").asText()).isEqualTo("critic");
            assertThat(p.path("n_reviews").asInt()).isEqualTo(4);
            assertThat(p.path("n_rated").asInt()).isEqualTo(3);
            assertThat(p.path("mean_norm").asDouble()).isEqualTo(0.5);
            assertThat(values(p.path("top_tags"), "x")).hasSize(2);
            assertThat(p.path("top_tags").get(0).asText()).isEqualTo("Amazing soundtrack");
            assertThat(values(p.path("best_rated"), "id")).containsExactly("film:arrival", "film:heat", "film:cats");
            assertThat(p.path("best_rated").get(0).path("score").asDouble()).isEqualTo(9.0);
            assertThat(p.path("kindred").asInt()).isEqualTo(2);
            assertThat(p.path("global_mean_norm").asDouble()).isEqualTo(0.6);
        });
    }

    @Test
    void kindredReviewers() {
        withApi(http -> {
            JsonNode k = http.get("/api/reviewers/rev:miguel/kindred").json();
            assertThat(values(k.path("items"), "id")).containsExactly("rev:ana", "rev:bo");
            assertThat(k.path("items").get(0).path("agreement").asDouble()).isEqualTo(0.9);
            assertThat(k.path("items").get(0).path("co_rated").asInt()).isEqualTo(2);
            assertThat(http.get("/api/reviewers/rev:miguel/kindred?limit=1").json().path("items")).hasSize(1);
        });
    }

    @Test
    void filmDetailAndSimilarFilms() {
        withApi(http -> {
            JsonNode film = http.get("/api/films/film:arrival").json();
            assertThat(film.path("title").asText()).isEqualTo("Arrival");
            assertThat(film.path("mean_score").asDouble()).isEqualTo(7.3);
            assertThat(film.path("tags").get(0).asText()).isEqualTo("amazing soundtrack");
            assertThat(film.path("aspects").get(0).path("mean_score").asDouble()).isEqualTo(10.0);
            JsonNode similar = http.get("/api/films/film:arrival/similar").json();
            assertThat(values(similar.path("co_liked"), "id")).containsExactly("film:alien");
            assertThat(similar.path("co_liked").get(0).path("score").asDouble()).isEqualTo(12.5);
            assertThat(values(similar.path("shared_tags"), "id")).containsExactly("film:solaris");
            // cosine of item vectors: Solaris (0.35, 0) is parallel to Arrival (0.3, 0); Cats (-0.3, 0) is opposite
            List<String> vectors = values(similar.path("vectors"), "id");
            assertThat(vectors).startsWith("film:solaris").endsWith("film:cats").doesNotContain("film:arrival",
                    "film:obscure");
            assertThat(similar.path("vectors").get(0).path("score").asDouble()).isEqualTo(1.0);
            assertThat(http.get("/api/films/film:obscure/similar").json().path("vectors")).isEmpty();
        });
    }

    @Test
    void filmDetailWithTheOpinionsOfGivenReviewers() {
        withApi(http -> {
            assertThat(http.get("/api/films/film:arrival").json().has("opinions")).isFalse();
            JsonNode arrival = http.get("/api/films/film:arrival?reviewer=rev:miguel,rev:new&reviewer=rev:cy").json();
            // in the order asked; New Person has no opinion of it and is left out
            assertThat(values(arrival.path("opinions"), "reviewer")).containsExactly("rev:miguel", "rev:cy");
            JsonNode miguel = arrival.path("opinions").get(0);
            assertThat(miguel.path("reviewer_name").asText()).isEqualTo("Miguel Félix");
            assertThat(miguel.path("score").asDouble()).isEqualTo(9.0);
            assertThat(miguel.path("scale_max").asDouble()).isEqualTo(10.0);
            assertThat(miguel.path("aspects").get(0).path("name").asText()).isEqualTo("story");
            assertThat(miguel.path("aspects").get(0).path("score").asDouble()).isEqualTo(10.0);
            assertThat(miguel.path("tags").get(0).asText()).isEqualTo("Amazing soundtrack");
            JsonNode tagged = http.get("/api/films/film:amelie?reviewer=rev:miguel").json().path("opinions").get(0);
            assertThat(tagged.has("score")).isFalse();
            assertThat(tagged.path("tags").get(0).asText()).isEqualTo("charming");
            assertProblem(http.get("/api/films/film:arrival?reviewer=rev:ghost"), 404, null);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/reviewers/rev:ghost", "/api/reviewers/rev:ghost/kindred", "/api/films/film:ghost",
            "/api/films/film:ghost/similar", "/api/nowhere"})
    void unknownIdsAndRoutesAre404Problems(String path) {
        withApi(http -> assertProblem(http.get(path), 404, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/reviewers?limit=0", "/api/films?limit=1000", "/api/films/film:arrival/similar?limit=x",
            "/api/reviewers/rev:miguel/kindred?limit=-1"})
    void badLimitsAre400(String path) {
        withApi(http -> assertProblem(http.get(path), 400, "limit"));
    }
}
