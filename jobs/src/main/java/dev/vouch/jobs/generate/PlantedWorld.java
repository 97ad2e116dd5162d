package dev.vouch.jobs.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hidden truth behind a synthetic data set: which group each film and reviewer belongs to, how good each film
 * is, how harsh each reviewer is, and how many opinions each reviewer will write.
 */
record PlantedWorld(List<TasteGroup> groups, List<Film> films, List<Reviewer> reviewers, boolean critics) {
    static final int FIRST_YEAR = 1950;
    static final int LAST_YEAR = 2024;

    /**
     * @param id         movieId, 1-based
     * @param group      index into {@link PlantedWorld#groups()}
     * @param genres     the group's name first, then maybe one side genre
     * @param quality    stars added to every rating of the film
     * @param popularity relative chance of being picked by a reviewer, positive
     */
    record Film(int id, String title, int year, int group, List<String> genres, double quality, double popularity) {
        Film {
            genres = List.copyOf(genres);
        }
    }

    /**
     * @param id        userId, 1-based
     * @param group     index into {@link PlantedWorld#groups()}
     * @param harshness stars added to every rating the reviewer gives (negative for harsh reviewers)
     * @param budget    number of films the reviewer rates
     * @param aspects   aspect names this reviewer scores, empty for reviewers who never do
     */
    record Reviewer(int id, int group, double harshness, int budget, List<String> aspects) {
        Reviewer {
            aspects = List.copyOf(aspects);
        }
    }

    PlantedWorld {
        groups = List.copyOf(groups);
        films = List.copyOf(films);
        reviewers = List.copyOf(reviewers);
    }

    /** A world without the critics of data/reviews. */
    PlantedWorld(List<TasteGroup> groups, List<Film> films, List<Reviewer> reviewers) {
        this(groups, films, reviewers, false);
    }

    /** The movieId written for film {@code id}: {@link CriticFilms#movieId}. */
    String movieId(int id) {
        return CriticFilms.movieId(this, id);
    }

    static PlantedWorld plant(SyntheticOpinions.Params p, SplittableRandom rng) {
        List<TasteGroup> groups = TasteCatalogue.GROUPS.subList(0, p.groups());
        List<Film> films = plantFilms(p, groups, rng);
        List<Reviewer> reviewers = plantReviewers(p, rng);
        boolean critics = CriticFilms.planted(p);
        if (critics) {
            // After every draw, so the rest of the world is the one the seed always gave.
            for (int i = 0; i < CriticFilms.FILMS.size(); i++) {
                films.set(i, CriticFilms.film(i, groups));
            }
        }
        return new PlantedWorld(groups, films, reviewers, critics);
    }

    /** Films of {@code group} (or, with {@code inside} false, of every other group), in id order. */
    List<Film> filmsOf(int group, boolean inside) {
        return films.stream().filter(f -> (f.group() == group) == inside).toList();
    }

    private static List<Film> plantFilms(SyntheticOpinions.Params p, List<TasteGroup> groups, SplittableRandom rng) {
        int[] groupOf = balanced(p.films(), groups.size(), rng);
        FilmTitles titles = new FilmTitles(rng);
        List<Film> films = new ArrayList<>(p.films());
        for (int i = 0; i < p.films(); i++) {
            TasteGroup g = groups.get(groupOf[i]);
            int year = FIRST_YEAR + rng.nextInt(LAST_YEAR - FIRST_YEAR + 1);
            List<String> genres = new ArrayList<>(List.of(g.name()));
            if (rng.nextDouble() < 0.4) {
                genres.add(g.sideGenres().get(rng.nextInt(g.sideGenres().size())));
            }
            double quality = 0.4 * rng.nextGaussian();
            // Log-normal popularity gives the long tail of real catalogues: a few films everyone has rated.
            double popularity = Math.exp(rng.nextGaussian());
            films.add(new Film(i + 1, titles.next(g, year), year, groupOf[i], genres, quality, popularity));
        }
        return films;
    }

    private static List<Reviewer> plantReviewers(SyntheticOpinions.Params p, SplittableRandom rng) {
        int[] groupOf = balanced(p.reviewers(), p.groups(), rng);
        double[] activity = new double[p.reviewers()];
        for (int i = 0; i < activity.length; i++) {
            activity[i] = Math.exp(0.8 * rng.nextGaussian());
        }
        int[] budgets = OpinionBudget.allocate(p.opinions(), activity, p.films());
        List<Reviewer> reviewers = new ArrayList<>(p.reviewers());
        for (int i = 0; i < p.reviewers(); i++) {
            double harshness = 0.35 * rng.nextGaussian();
            reviewers.add(new Reviewer(i + 1, groupOf[i], harshness, budgets[i], aspectHabit(rng)));
        }
        return reviewers;
    }

    /** Half the reviewers never score aspects; the others keep to their own fixed subset, like a site template. */
    private static List<String> aspectHabit(SplittableRandom rng) {
        if (rng.nextBoolean()) {
            return List.of();
        }
        List<String> chosen = new ArrayList<>();
        for (String aspect : TasteCatalogue.ASPECTS) {
            if (rng.nextDouble() < 0.6) {
                chosen.add(aspect);
            }
        }
        return chosen.isEmpty() ? List.of(TasteCatalogue.ASPECTS.get(0)) : chosen;
    }

    /** {@code n} group indices, sizes differing by at most one, shuffled; every group gets one when n >= k. */
    static int[] balanced(int n, int k, SplittableRandom rng) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i % k;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
