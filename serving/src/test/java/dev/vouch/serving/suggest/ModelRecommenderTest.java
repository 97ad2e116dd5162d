package dev.vouch.serving.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.vouch.serving.model.ModelFixture;
import dev.vouch.serving.model.UnknownIdException;
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
        // view = 1·watch + 0.1·z. Reviewed: Arrival 1 + 0.1·2 = 1.2, Heat 1 + 0.05 = 1.05; Cats is below his mean
        // (z −1.5), so he does not vouch for it. Predicted: Amélie 0.45 + 0.11 = 0.56 and Alien 0.4 + 0.145 = 0.545
        // (the watch term leads), Solaris 0.1 + 0.19 = 0.29; Obscure has no factors.
        assertThat(list.items()).extracting(Suggestion::id, Suggestion::kind).containsExactly(
                tuple("film:arrival", "reviewed"), tuple("film:heat", "reviewed"), tuple("film:amelie", "predicted"),
                tuple("film:alien", "predicted"), tuple("film:solaris", "predicted"));
        assertThat(list.items().get(0).relevance()).isCloseTo(1.2, within(1e-6));
        assertThat(list.items().get(3).explanation().watchedBySimilar()).isTrue();
        assertThat(list.items().get(4).explanation().watchedBySimilar()).isFalse();
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
                .isInstanceOf(InvalidQueryException.class).extracting("field").isEqualTo("aspect");
    }

    @Test
    void unknownReviewerAndBadLimit() {
        assertThatThrownBy(() -> recommender.forReviewer(new ReviewerQuery("rev:nobody", 10, FilmFilter.NONE, null)))
                .isInstanceOf(UnknownIdException.class);
        assertThatThrownBy(() -> new ReviewerQuery("rev:miguel", 101, FilmFilter.NONE, null))
                .isInstanceOf(InvalidQueryException.class).extracting("field").isEqualTo("limit");
    }

    @Test
    void trustSetBlendsReviewersByWeight() {
        SuggestionList list = recommender.forTrustSet(trustSet(List.of(new TrustSet.Trusted("rev:miguel", 1),
                new TrustSet.Trusted("rev:ana", 1)), List.of(), List.of(), 4));
        // (Miguel + Ana) / 2: Arrival (1.2 + 1.0) / 2 = 1.1, Alien (0.545 + 1.1) / 2 = 0.82, Solaris (0.29 + 1) / 2
        // = 0.645, Heat (1.05 + nothing: Ana rated it below her mean) / 2 = 0.525
        assertThat(list.items()).extracting(Suggestion::id).containsExactly("film:arrival", "film:alien",
                "film:solaris", "film:heat");
        // Alien is explained by its largest contributor, Ana's 9/10 (1.1 > Miguel's 0.545)
        assertThat(list.items().get(1).explanation().reviewer()).isEqualTo("rev:ana");
        assertThat(list.items().get(1).kind()).isEqualTo("reviewed");
        assertThat(list.sources()).containsExactly("trusted");
    }

    @Test
    void weightsShiftTheBlend() {
        SuggestionList list = recommender.forTrustSet(trustSet(List.of(new TrustSet.Trusted("rev:miguel", 1),
                new TrustSet.Trusted("rev:cy", 10)), List.of(), List.of(), 2));
        // Heat: (1.05 + 10 · 1.04) / 11 = 1.04 beats Amélie (0.56 + 10 · 1.04) / 11 = 1.0; Miguel's favourite,
        // Arrival, is Cy's dislike: 1.2 / 11 = 0.11
        assertThat(list.items()).extracting(Suggestion::id).containsExactly("film:heat", "film:amelie");
    }

    @Test
    void readerRatingsAreFoldedIn() {
        SuggestionList list = recommender.forTrustSet(trustSet(List.of(),
                List.of(new TrustSet.Rating("film:arrival", 10)), List.of(), 5));
        // explicit fold-in: b = 0.35 / 3, x = (0.368, 0); implicit: x = (1.633, −0.663), so watch = Alien 0.65,
        // Heat 0.52, Amélie 0.29, Solaris 0.16, Cats 0.06. Plus 0.1·z around μ + b (one rating: default sd 0.2):
        // Alien 0.72, Heat 0.54, Amélie 0.34, Solaris 0.24, Cats −0.09. Cats backs nothing, so the fifth place is
        // the most popular remaining film.
        assertThat(list.items()).extracting(Suggestion::id, Suggestion::kind).containsExactly(
                tuple("film:alien", "personal"), tuple("film:heat", "personal"), tuple("film:amelie", "personal"),
                tuple("film:solaris", "personal"), tuple("film:obscure", "popular"));
        assertThat(list.items().get(0).explanation().watchedBySimilar()).isTrue();
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
                .isInstanceOf(InvalidQueryException.class).extracting("field").isEqualTo("ratings[0].score");
    }
}
