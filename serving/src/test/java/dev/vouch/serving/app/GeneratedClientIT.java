package dev.vouch.serving.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vouch.client.ApiClient;
import dev.vouch.client.ApiException;
import dev.vouch.client.api.AdminApi;
import dev.vouch.client.api.FilmsApi;
import dev.vouch.client.api.OpsApi;
import dev.vouch.client.api.ReviewersApi;
import dev.vouch.client.api.SuggestApi;
import dev.vouch.client.model.FilmDetail;
import dev.vouch.client.model.Problem;
import dev.vouch.client.model.ReaderRating;
import dev.vouch.client.model.ReloadResult;
import dev.vouch.client.model.Suggestion;
import dev.vouch.client.model.SuggestionList;
import dev.vouch.client.model.TrustSet;
import dev.vouch.client.model.TrustedReviewer;
import dev.vouch.serving.model.ModelFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's integration, with nothing of ours but openapi.json: the Java client that openapi-generator (java, native
 * library) writes from it at build time (serving/pom.xml, generate-test-sources) calls every route of a running
 * server, errors included.
 */
class GeneratedClientIT {
    private static final String TOKEN = "s3cret";

    @Test
    void aClientGeneratedFromTheDocumentCallsEveryRoute(@TempDir Path models) throws Exception {
        ModelFixture.create(models);
        try (VouchServer server = VouchServer.start(ServerConfig.of(models).withPort(0).withAdminToken(TOKEN)
                .withWatchInterval(Duration.ZERO))) {
            ApiClient client = new ApiClient();
            client.updateBaseUri(server.url());

            SuggestApi suggest = new SuggestApi(client);
            SuggestionList mine = suggest.reviewerSuggestions("rev:miguel", 3, List.of("film:heat"), null, null, null,
                    null, null);
            assertThat(mine.getItems()).extracting(Suggestion::getId)
                    .containsExactly("film:arrival", "film:amelie", "film:alien");
            assertThat(mine.getItems().get(0).getKind()).isEqualTo(Suggestion.KindEnum.REVIEWED);
            assertThat(mine.getItems().get(0).getExplanation().getSentence()).contains("Miguel Félix");
            SuggestionList blended = suggest.trustSetSuggestions(new TrustSet()
                    .addTrustedItem(new TrustedReviewer().reviewer("rev:miguel").weight(BigDecimal.ONE))
                    .addTrustedItem(new TrustedReviewer().reviewer("rev:ana"))
                    .addSeenItem("film:solaris").addRatingsItem(new ReaderRating().film("film:heat")
                            .score(BigDecimal.valueOf(6))).limit(3));
            assertThat(blended.getItems()).hasSize(3).extracting(Suggestion::getId)
                    .doesNotContain("film:solaris", "film:heat");
            assertThat(blended.getSources()).isNotEmpty();

            ReviewersApi reviewers = new ReviewersApi(client);
            assertThat(reviewers.searchReviewers("felix", 5).getItems()).singleElement()
                    .satisfies(r -> assertThat(r.getName()).isEqualTo("Miguel Félix"));
            assertThat(reviewers.reviewerProfile("rev:miguel").getnReviews()).isEqualTo(4);
            assertThat(reviewers.kindredReviewers("rev:miguel", 10).getItems()).hasSize(2);

            FilmsApi films = new FilmsApi(client);
            assertThat(films.searchFilms("Ame", 5).getItems().get(0).getTitle()).isEqualTo("Amélie");
            FilmDetail arrival = films.film("film:arrival", List.of("rev:miguel"));
            assertThat(arrival.getTitle()).isEqualTo("Arrival");
            assertThat(arrival.getOpinions()).singleElement()
                    .satisfies(o -> assertThat(o.getScore()).isEqualByComparingTo("9"));
            assertThat(films.similarFilms("film:arrival", 5).getCoLiked().get(0).getId()).isEqualTo("film:alien");

            OpsApi ops = new OpsApi(client);
            assertThat(ops.health().getStatus().getValue()).isEqualTo("up");
            assertThat(ops.ready().getVersion()).isEqualTo(ModelFixture.V1);
            assertThat(ops.metrics()).contains("vouch_model_loaded");
            assertThat(ops.openapi()).asInstanceOf(InstanceOfAssertFactories.MAP).containsKey("paths");

            // The admin token through the document's bearer scheme.
            ModelFixture.writeVersion(models, ModelFixture.V2, " (v2)");
            ModelFixture.pointCurrent(models, ModelFixture.V2);
            ApiException unauthorised = catchThrowableOfType(ApiException.class, () -> new AdminApi(client).reload());
            assertThat(unauthorised.getCode()).isEqualTo(401);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TOKEN));
            ReloadResult reload = new AdminApi(client).reload();
            assertThat(reload.getVersion()).isEqualTo(ModelFixture.V2);
            assertThat(films.film("film:arrival", null).getTitle()).isEqualTo("Arrival (v2)");

            // Errors come back as ApiException with the problem body, which the client's own model reads.
            ApiException unknown = catchThrowableOfType(ApiException.class,
                    () -> reviewers.reviewerProfile("rev:ghost"));
            assertThat(unknown.getCode()).isEqualTo(404);
            Problem problem = client.getObjectMapper().readValue(unknown.getResponseBody(), Problem.class);
            assertThat(problem.getDetail()).contains("rev:ghost");
            ApiException bad = catchThrowableOfType(ApiException.class, () -> films.searchFilms("a", 500));
            assertThat(client.getObjectMapper().readValue(bad.getResponseBody(), Problem.class).getField())
                    .isEqualTo("limit");
        }
    }
}
