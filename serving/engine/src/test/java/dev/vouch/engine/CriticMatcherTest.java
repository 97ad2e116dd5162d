package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CriticMatcherTest {
    // Ana: mean 0.6, sd 0.2 → Arrival 0.8 is z = 1, Cats 0.4 is z = −1. Cy: mean 0.5, sd 0.01 floored to 0.05 →
    // Heat 0.6 is z = 2. Bo scored nothing.
    private final RankingModel model = TinyModel.of(1, 0.1, 0);

    @Test
    void filmIndexKeepsEachOpinionsZOnItsReviewersHabits() {
        FilmOpinions byFilm = model.byFilm();
        assertThat(byFilm.end(0) - byFilm.start(0)).isEqualTo(1);
        assertThat(byFilm.reviewer(byFilm.start(0))).isEqualTo(0);
        assertThat(byFilm.entryZ(byFilm.start(0))).isCloseTo(1f, within(1e-5f));
        assertThat(byFilm.entryZ(byFilm.start(1))).isCloseTo(2f, within(1e-4f));
        assertThat(byFilm.end(3) - byFilm.start(3)).isZero();
        assertThat(byFilm.z(1)).isCloseTo(-1f, within(1e-5f));
    }

    @Test
    void perfectAgreementIsShrunkByCoRatedFilms() {
        // Both films agree exactly: agreement 1, match = 1 · 2 / (2 + 50) = 0.0385
        List<CriticMatcher.Match> m = CriticMatcher.match(model, new int[] {0, 2}, new double[] {1, -1}, 1, 10, -1);
        assertThat(m).hasSize(1);
        assertThat(m.get(0).reviewer()).isZero();
        assertThat(m.get(0).agreement()).isCloseTo(1, within(1e-6));
        assertThat(m.get(0).coRated()).isEqualTo(2);
        assertThat(m.get(0).match()).isCloseTo(2.0 / 52, within(1e-6));
    }

    @Test
    void agreementFallsWithTheZGap() {
        // Arrival: reader z −0.5 vs Ana's 1 → gap 1.5 → 1 − 1.5/3 = 0.5; a gap past 3 counts as 0
        assertThat(CriticMatcher.match(model, new int[] {0}, new double[] {-0.5}, 1, 10, -1).get(0).agreement())
                .isCloseTo(0.5, within(1e-6));
        assertThat(CriticMatcher.agreement(-2, 2)).isZero();
    }

    @Test
    void twoSharedFilmsDoNotBeatFortyAtTheSameAgreement() {
        assertThat(CriticMatcher.shrunk(0.9, 2)).isLessThan(CriticMatcher.shrunk(0.8, 40));
    }

    @Test
    void tiesGoToTheLowerReviewerIndex() {
        // Ana on Arrival and Cy on Heat both agree exactly on one film: equal match and co-rated
        FilmOpinions byFilm = model.byFilm();
        double[] z = {byFilm.entryZ(byFilm.start(1)), byFilm.entryZ(byFilm.start(0))};
        List<CriticMatcher.Match> m = CriticMatcher.match(model, new int[] {1, 0}, z, 1, 10, -1);
        assertThat(m).extracting(CriticMatcher.Match::reviewer).containsExactly(0, 2);
        assertThat(m.get(0).match()).isEqualTo(m.get(1).match());
    }

    @Test
    void limitMinimumCoRatedExclusionAndRepeatedFilms() {
        int[] films = {0, 2, 1, 0};
        double[] z = {1, -1, 2, -3};
        assertThat(CriticMatcher.match(model, films, z, 1, 1, -1)).extracting(CriticMatcher.Match::reviewer)
                .containsExactly(0);
        assertThat(CriticMatcher.match(model, films, z, 2, 10, -1)).extracting(CriticMatcher.Match::reviewer)
                .containsExactly(0);
        assertThat(CriticMatcher.match(model, films, z, 1, 10, 0)).extracting(CriticMatcher.Match::reviewer)
                .containsExactly(2);
        // Arrival repeated: the first rating counts, once
        assertThat(CriticMatcher.match(model, films, z, 1, 10, -1).get(0).coRated()).isEqualTo(2);
    }

    @Test
    void nobodyCoRatedMeansNobodyListed() {
        assertThat(CriticMatcher.match(model, new int[] {3}, new double[] {1}, 1, 10, -1)).isEmpty();
        assertThat(CriticMatcher.match(model, new int[0], new double[0], 1, 10, -1)).isEmpty();
        assertThatThrownBy(() -> CriticMatcher.match(model, new int[0], new double[0], 1, 0, -1))
                .hasMessageContaining("limit");
    }

    @Test
    void readerHabitsAreOwnFromThreeRatings() {
        ReaderProfile.Habits few = ReaderProfile.habits(model, new int[] {0}, new double[] {0.9});
        // b = (0.9 − 0.5 − 0.1) / (1 + 2) = 0.1 → centre 0.6, default sd
        assertThat(few.center()).isCloseTo(0.6, within(1e-9));
        assertThat(few.spread()).isEqualTo(ReviewerView.DEFAULT_SD);
        ReaderProfile.Habits own = ReaderProfile.habits(model, new int[] {0, 1, 2}, new double[] {0.9, 0.6, 0.3});
        assertThat(own.center()).isCloseTo(0.6, within(1e-9));
        assertThat(own.spread()).isCloseTo(Math.sqrt(0.06), within(1e-9));
        assertThat(own.z(0.9)).isCloseTo(0.3 / Math.sqrt(0.06), within(1e-9));
    }
}
