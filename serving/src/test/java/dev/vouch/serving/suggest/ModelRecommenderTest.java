package dev.vouch.serving.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vouch.serving.model.ModelFixture;
import dev.vouch.serving.model.UnknownIdException;
import dev.vouch.serving.web.BadRequestException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelRecommenderTest {
    private final Recommender recommender = new ModelRecommender(ModelFixture.sharedStore());

    private static TrustSet trustSet(List<TrustSet.Trusted> trusted, List<TrustSet.Rating> ratings, List<String> tags,
                                     int limit) {
        return new TrustSet(trusted, Set.of(), ratings, tags, limit, FilmFilter.NONE);
    }

    @Test
    void reviewedAndPredictedFilmsAreRankedTogether() {
        SuggestionList list = recommender.forReviewer(new ReviewerQuery("rev:miguel", 10, FilmFilter.NONE, null));
        // z: Arrival 2.0 (scored), Solaris 1.52, Alien 1.16, Amélie 0.88 (predicted), Heat 0.5; Cats is below his mean
        assertThat(list.items()).extracting(Suggestion::id, Suggestion::kind).containsExactly(
                tuple("film:arrival", "reviewed"), tuple("film:solaris", "predicted"),
                tuple("film:alien", "predicted"), tuple("film:amelie", "predicted"), tuple("film:heat", "reviewed"));
        assertThat(list.items().get(0).relevance()).isEqualTo(2.0);
        assertThat(list.reviewer()).isEqualTo("rev:miguel");
        assertThat(list.modelVersion()).isEqualTo(ModelFixture.V1);
    }

    @Test
    void filtersApply() {
        FilmFilter sciFiBefore2000 = new FilmFilter(Set.of("film:solaris"), "sci-fi", null, 1999, null);
        assertThat(recommender.forReviewer(new ReviewerQuery("rev:miguel", 10, sciFiBefore2000, null)).items())
                .extracting(Suggestion::id).containsExactly("film:alien");
        FilmFilter tagged = new FilmFilter(Set.of(), null, 2000, null, "Aliens");
        assertThat(recommender.forReviewer(new ReviewerQuery("rev:miguel", 10, tagged, null)).items())
                .extracting(Suggestion::id).containsExactly("film:arrival");
    }

    @Test
    void aspectModeRanksBySubScores() {
        SuggestionList list = recommender.forReviewer(new ReviewerQuery("rev:miguel", 10, FilmFilter.NONE, "Story"));
        assertThat(list.items()).extracting(Suggestion::id).containsExactly("film:arrival", "film:heat");
        assertThat(list.aspect()).isEqualTo("story");
        assertThatThrownBy(() -> recommender.forReviewer(new ReviewerQuery("rev:miguel", 10, FilmFilter.NONE, "smell")))
                .isInstanceOf(BadRequestException.class).extracting("field").isEqualTo("aspect");
    }

    @Test
    void unknownReviewerAndBadLimit() {
        assertThatThrownBy(() -> recommender.forReviewer(new ReviewerQuery("rev:nobody", 10, FilmFilter.NONE, null)))
                .isInstanceOf(UnknownIdException.class);
        assertThatThrownBy(() -> new ReviewerQuery("rev:miguel", 101, FilmFilter.NONE, null))
                .isInstanceOf(BadRequestException.class).extracting("field").isEqualTo("limit");
    }

    @Test
    void trustSetBlendsReviewersByWeight() {
        SuggestionList list = recommender.forTrustSet(trustSet(List.of(new TrustSet.Trusted("rev:miguel", 1),
                new TrustSet.Trusted("rev:ana", 1)), List.of(), List.of(), 4));
        // (Miguel + Ana) / 2: Alien (1.16 + 1.0) / 2 = 1.08, Arrival (2 + 0) / 2 = 1.0, Solaris 0.76, Amélie 0.64
        assertThat(list.items()).extracting(Suggestion::id).containsExactly("film:alien", "film:arrival",
                "film:solaris", "film:amelie");
        // Alien is explained by its largest contributor, Miguel's prediction (1.16 > Ana's 1.0)
        assertThat(list.items().get(0).explanation().reviewer()).isEqualTo("rev:miguel");
        assertThat(list.sources()).containsExactly("trusted");
    }

    @Test
    void weightsShiftTheBlend() {
        SuggestionList list = recommender.forTrustSet(trustSet(List.of(new TrustSet.Trusted("rev:miguel", 1),
                new TrustSet.Trusted("rev:cy", 10)), List.of(), List.of(), 1));
        // Cats: (-1.5 + 10 · 0.8) / 11 = 0.59 beats Amélie (0.88 + 10 · 0.4) / 11 = 0.44
        assertThat(list.items()).extracting(Suggestion::id).containsExactly("film:cats");
    }

    @Test
    void readerRatingsAreFoldedIn() {
        SuggestionList list = recommender.forTrustSet(trustSet(List.of(),
                List.of(new TrustSet.Rating("film:arrival", 10)), List.of(), 5));
        // fold-in: b = 0.35 / 3, x = (0.368, 0); z = (b_f + x·y_f) / 0.2: Solaris 0.79, Alien 0.66, Amélie 0.47,
        // Heat 0.18; Cats is negative, so the fifth place falls back to the most popular remaining film
        assertThat(list.items()).extracting(Suggestion::id, Suggestion::kind).containsExactly(
                tuple("film:solaris", "personal"), tuple("film:alien", "personal"), tuple("film:amelie", "personal"),
                tuple("film:heat", "personal"), tuple("film:obscure", "popular"));
        assertThat(list.sources()).containsExactly("personal", "popular");
    }

    @Test
    void fallsBackToTagsThenPopularity() {
        SuggestionList list = recommender.forTrustSet(trustSet(List.of(), List.of(), List.of("Aliens"), 4));
        assertThat(list.items()).extracting(Suggestion::id, Suggestion::kind).containsExactly(
                tuple("film:alien", "tag_match"), tuple("film:arrival", "tag_match"),
                tuple("film:solaris", "popular"), tuple("film:amelie", "popular"));
        assertThat(list.sources()).containsExactly("tag_match", "popular");
        SuggestionList nothing = recommender.forTrustSet(trustSet(List.of(), List.of(), List.of(), 2));
        assertThat(nothing.items()).extracting(Suggestion::id).containsExactly("film:arrival", "film:alien");
    }

    @Test
    void aTrustedReviewerWithNothingFallsThrough() {
        SuggestionList list = recommender.forTrustSet(trustSet(List.of(new TrustSet.Trusted("rev:new", 1)),
                List.of(), List.of(), 1));
        assertThat(list.items()).extracting(Suggestion::kind).containsExactly("popular");
    }

    @Test
    void seenAndRatedFilmsAreNeverSuggested() {
        TrustSet set = new TrustSet(List.of(new TrustSet.Trusted("rev:miguel", 1)), Set.of("film:arrival", "film:zzz"),
                List.of(new TrustSet.Rating("film:solaris", 5)), List.of(), 100, FilmFilter.NONE);
        assertThat(recommender.forTrustSet(set).items()).extracting(Suggestion::id)
                .doesNotContain("film:arrival", "film:solaris").hasSize(5);
    }

    @Test
    void ratingsOutsideTheFilmsScaleAreRefused() {
        assertThatThrownBy(() -> recommender.forTrustSet(trustSet(List.of(),
                List.of(new TrustSet.Rating("film:solaris", 7)), List.of(), 3)))
                .isInstanceOf(BadRequestException.class).extracting("field").isEqualTo("ratings[0].score");
    }
}
