package dev.vouch.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.generate.OpinionSampler.Opinion;
import dev.vouch.jobs.generate.PlantedWorld.Reviewer;
import dev.vouch.jobs.generate.SyntheticOpinions.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpinionSamplerTest {
    private static final Params P = Params.defaults().withSize(60, 300, 6_000);

    private static List<Opinion> sampleAll(Params p) {
        PlantedWorld world = PlantedWorld.plant(p, new SplittableRandom(p.seed()));
        OpinionSampler sampler = new OpinionSampler(world, p);
        SplittableRandom rng = new SplittableRandom(99);
        List<Opinion> all = new ArrayList<>();
        for (Reviewer r : world.reviewers()) {
            List<Opinion> mine = sampler.sample(r, rng.split());
            assertThat(mine).hasSize(r.budget()).extracting(Opinion::movieId).isSorted().doesNotHaveDuplicates();
            all.addAll(mine);
        }
        return all;
    }

    @Test
    void everyReviewerRatesEveryFilmWhenTheBudgetIsFull() {
        assertThat(sampleAll(new Params(3, 10, 30, 2, 1, 0.7, 0.5))).hasSize(30);
    }

    @Test
    void ratingsUseTheMovieLensSpelling() {
        assertThat(new Opinion(1, 1, 1, 0, List.of(), List.of()).rating()).isEqualTo("0.5");
        assertThat(new Opinion(1, 1, 8, 0, List.of(), List.of()).rating()).isEqualTo("4.0");
        assertThat(new Opinion(1, 1, 10, 0, List.of(), List.of()).rating()).isEqualTo("5.0");
    }

    @Test
    void tagsAreDistinctAndAtMostThree() {
        for (Opinion o : sampleAll(P)) {
            assertThat(o.tags()).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
        }
    }

    @Test
    void aspectScoresTrackTheRating() {
        // Pearson correlation between half stars (1..10) and the aspect score (1..10); noise sd 1.2 keeps it high.
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (Opinion o : sampleAll(P)) {
            for (OpinionSampler.Aspect a : o.aspects()) {
                n++;
                sx += o.halves();
                sy += a.score();
                sxx += o.halves() * o.halves();
                syy += a.score() * a.score();
                sxy += o.halves() * a.score();
            }
        }
        double r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
        assertThat(n).isGreaterThan(500);
        assertThat(r).isGreaterThan(0.7);
    }

    @Test
    void aFullShareStaysInTheOwnGroupUntilItIsExhausted() {
        Params strict = new Params(12, 300, 600, 6, 42, 1.0, 0.0);
        PlantedWorld world = PlantedWorld.plant(strict, new SplittableRandom(42));
        OpinionSampler sampler = new OpinionSampler(world, strict);
        boolean sawSpill = false;
        for (Reviewer r : world.reviewers()) {
            int ownSize = world.filmsOf(r.group(), true).size();
            long own = sampler.sample(r, new SplittableRandom(r.id())).stream()
                    .filter(o -> world.films().get(o.movieId() - 1).group() == r.group()).count();
            // 50 films a group here, so the busiest reviewers must spill over to other groups
            assertThat(own).isEqualTo(Math.min(r.budget(), ownSize));
            sawSpill |= r.budget() > ownSize;
        }
        assertThat(sawSpill).isTrue();
    }

    @Test
    void sparseAndDensePicksFollowPopularityAlike() {
        // 100 films: film 1 has popularity 50, the others 1, so a pick of one takes film 1 with chance 50/149 = 0.336;
        // k = 1 is a sparse pick (drawn by binary search), k = 40 a dense one (a key per film).
        List<PlantedWorld.Film> films = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            films.add(new PlantedWorld.Film(i, "F" + i, 2000, 0, List.of("Noir"), 0, i == 1 ? 50 : 1));
        }
        OpinionSampler.Pool pool = OpinionSampler.Pool.of(films);
        SplittableRandom rng = new SplittableRandom(5);
        int firstInSparse = 0;
        int trials = 4_000;
        for (int t = 0; t < trials; t++) {
            firstInSparse += OpinionSampler.pick(pool, 1, rng).get(0).id() == 1 ? 1 : 0;
        }
        assertThat(firstInSparse / (double) trials).isBetween(0.31, 0.36);
        // In a dense pick of 40 the heavy film is almost always in (it is missed with chance below 1e-6).
        for (int t = 0; t < 200; t++) {
            List<PlantedWorld.Film> picked = OpinionSampler.pick(pool, 40, rng);
            assertThat(picked).hasSize(40).extracting(PlantedWorld.Film::id).isSorted().doesNotHaveDuplicates()
                    .contains(1);
        }
        List<PlantedWorld.Film> sparse = OpinionSampler.pick(pool, 20, rng);
        assertThat(sparse).hasSize(20).extracting(PlantedWorld.Film::id).isSorted().doesNotHaveDuplicates();
    }
}
