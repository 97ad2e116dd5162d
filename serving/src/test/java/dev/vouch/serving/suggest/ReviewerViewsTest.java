package dev.vouch.serving.suggest;

import dev.vouch.engine.ReviewerView;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelFixture;
import dev.vouch.serving.model.ModelLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewerViewsTest {
    @Test
    void cachesPerModelAndMatchesADirectComputation(@TempDir Path models) {
        Model first = ModelFixture.sharedStore().require();
        int miguel = first.reviewer("rev:miguel");
        ReviewerViews views = new ReviewerViews();
        ReviewerView cached = views.of(first, miguel);
        assertThat(views.of(first, miguel)).isSameAs(cached);
        ReviewerView direct = ReviewerView.of(first.ranking(), miguel);
        for (int f = 0; f < first.films().size(); f++) {
            assertThat(Float.floatToIntBits(cached.z(f))).isEqualTo(Float.floatToIntBits(direct.z(f)));
            assertThat(Float.floatToIntBits(cached.values()[f])).isEqualTo(Float.floatToIntBits(direct.values()[f]));
            assertThat(cached.kind(f)).isEqualTo(direct.kind(f));
        }
        Model second = new ModelLoader().load(ModelFixture.writeVersion(models, ModelFixture.V2, ""));
        assertThat(views.of(second, miguel)).isNotSameAs(cached);
    }

    @Test
    void preparedViewsAreServedWithoutRecomputation() {
        Model model = ModelFixture.sharedStore().require();
        ReviewerViews views = new ReviewerViews();
        int computed = views.prepare(model, false);
        assertThat(computed).isEqualTo(model.reviewers().size());
        int miguel = model.reviewer("rev:miguel");
        ReviewerView prepared = views.prepared(model, miguel);
        assertThat(views.of(model, miguel)).isSameAs(prepared);
        assertThat(views.cachedViews()).isEqualTo(model.reviewers().size());
    }

    @Test
    void theCacheStaysWithinItsBudget() {
        Model model = ModelFixture.sharedStore().require();
        long perView = 9L * model.films().size();
        ReviewerViews views = new ReviewerViews(2 * perView);
        // every reviewer's list (small), but only two views
        assertThat(views.prepare(model, false)).isEqualTo(model.reviewers().size());
        for (int round = 0; round < 3; round++) {
            for (int r = 0; r < model.reviewers().size(); r++) {
                ReviewerView direct = ReviewerView.of(model.ranking(), r);
                assertThat(views.of(model, r).values()).isEqualTo(direct.values());
            }
        }
        assertThat(views.cachedViews()).isLessThanOrEqualTo(2);
    }

    @Test
    void preparedListsAreServedAndAreTheDenseRankingsPrefix() {
        Model model = ModelFixture.sharedStore().require();
        ReviewerViews views = new ReviewerViews();
        views.prepare(model, false);
        int miguel = model.reviewer("rev:miguel");
        dev.vouch.engine.TopList prepared = views.preparedList(model, miguel);
        assertThat(views.listOf(model, miguel)).isSameAs(prepared);
        assertThat(views.cachedLists()).isEqualTo(model.reviewers().size());
        dev.vouch.engine.Ranker.Ranking dense = dev.vouch.engine.Ranker.rank(model.ranking(),
                r -> ReviewerView.of(model.ranking(), r), dev.vouch.engine.Ranker.Request.trusting(miguel, 500),
                f -> true);
        assertThat(prepared.size()).isEqualTo(dense.films().length).isPositive();
    }

    @Test
    void publishedListsAreServedAsPublishedAndNeverComputedOnAStartOrAReload(@TempDir Path models) {
        Path dir = ModelFixture.writeVersion(models, ModelFixture.V2, "");
        ModelFixture.publishLists(dir, ModelFixture.V2, 2, 2);
        Model model = new ModelLoader().load(dir);
        assertThat(model.lists().published()).isEqualTo(model.reviewers().size());
        int miguel = model.reviewer("rev:miguel");
        // a reload (paced) fills the views as a first start does, so the new model starts warm; lists stay published
        for (boolean reload : new boolean[] {true, false}) {
            ReviewerViews views = new ReviewerViews();
            assertThat(views.prepare(model, reload)).as("views computed, reload=%s", reload)
                    .isEqualTo(model.reviewers().size());
            assertThat(views.listOf(model, miguel)).isSameAs(model.lists().of(miguel));
            assertThat(views.cachedLists()).isZero();
            assertThat(views.cachedViews()).isEqualTo(model.reviewers().size());
        }
    }
}
