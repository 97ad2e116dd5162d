package dev.vouch.serving.suggest;

import dev.vouch.engine.ReviewerView;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    private final Model model = ModelFixture.sharedStore().require();
    private final Explainer explainer = new Explainer(model);
    private final int miguel = model.reviewer("rev:miguel");

    @Test
    void reviewedUsesTheReviewersOwnScoresAspectsAndTags() {
        Explanation e = explainer.reviewer(miguel, model.film("film:arrival"), ReviewerView.REVIEWED);
        assertThat(e.kind()).isEqualTo("reviewed");
        assertThat(e.reviewerName()).isEqualTo("Miguel Félix");
        assertThat(e.score()).isEqualTo(9.0);
        assertThat(e.scaleMax()).isEqualTo(10.0);
        assertThat(e.aspects()).containsExactly(new Explanation.AspectScore("story", 10, 10));
        assertThat(e.tags()).containsExactly("Amazing soundtrack");
        assertThat(e.sentence()).isEqualTo("Miguel Félix rated it 9/10 — Story 10/10 — tagged “Amazing soundtrack”.");
    }

    @Test
    void predictedCitesTheReviewersWhoAgree() {
        Explanation e = explainer.reviewer(miguel, model.film("film:alien"), ReviewerView.PREDICTED);
        // Ana (9/10) and Bo (8/10) are Miguel's kindred and rated Alien
        assertThat(e.supporters()).isEqualTo(2);
        assertThat(e.supportersMean()).isEqualTo(8.5);
        assertThat(e.score()).isNull();
        assertThat(e.predicted()).isEqualTo(7.9);
        assertThat(e.watchedBySimilar()).isFalse();
        assertThat(e.sentence()).isEqualTo("Not reviewed by Miguel Félix, and 2 reviewers who agree with Miguel Félix "
                + "rated it 8.5/10 on average.");
    }

    @Test
    void whenTheRankingLeanedOnWatchingTheExplanationSaysSo() {
        Explanation e = explainer.reviewer(model.reviewer("rev:cy"), model.film("film:solaris"),
                ReviewerView.WATCHED);
        assertThat(e.kind()).isEqualTo("predicted");
        assertThat(e.watchedBySimilar()).isTrue();
        assertThat(e.sentence()).startsWith("Not reviewed by Cy Twombly; readers with Cy Twombly's taste watched it; "
                + "predicted from Cy Twombly's taste at about");
    }

    @Test
    void predictedOnTheTrustedReviewersOwnScaleAndWithTagsOnly() {
        // Solaris is rated out of 5 (Ana: 4/5), but Miguel scores out of 10: quoted on his scale
        Explanation solaris = explainer.reviewer(miguel, model.film("film:solaris"), ReviewerView.PREDICTED);
        assertThat(solaris.sentence()).isEqualTo("Not reviewed by Miguel Félix, and 1 reviewer who agrees with "
                + "Miguel Félix rated it 8/10.");
        assertThat(solaris.scaleMax()).isEqualTo(10.0);
        assertThat(solaris.supportersMean()).isEqualTo(8.0);
        Explanation amelie = explainer.reviewer(miguel, model.film("film:amelie"), ReviewerView.PREDICTED);
        assertThat(amelie.sentence()).startsWith("Miguel Félix tagged it “charming” without a score, and 1 reviewer");
        Explanation lonely = explainer.reviewer(model.reviewer("rev:cy"), model.film("film:solaris"),
                ReviewerView.PREDICTED);
        assertThat(lonely.sentence()).startsWith("Not reviewed by Cy Twombly; predicted from Cy Twombly's taste at about");
    }

    @Test
    void aspectAndFallbackSentences() {
        assertThat(explainer.aspect(miguel, model.film("film:heat"), "story").sentence())
                .isEqualTo("Miguel Félix gave it Story 8/10 (overall 6/10).");
        assertThat(explainer.tagMatch(List.of("aliens")).sentence()).isEqualTo("Matches your tags “aliens”.");
        assertThat(explainer.popular(model.film("film:solaris")).sentence())
                .isEqualTo("Popular: 1 reviewer rated it 4/5 on average.");
        assertThat(explainer.personal(model.film("film:heat"), 0.75, 3, false).sentence())
                .isEqualTo("Predicted for you from your 3 ratings at about 7.5/10.");
        assertThat(explainer.personal(model.film("film:heat"), 0.75, 3, true).sentence())
                .isEqualTo("Readers whose ratings resemble your 3 ratings watched it; predicted for you at about 7.5/10.");
    }

    @Test
    void numbersDropATrailingZero() {
        assertThat(Explainer.num(9.0)).isEqualTo("9");
        assertThat(Explainer.num(8.25)).isEqualTo("8.3");
    }
}
