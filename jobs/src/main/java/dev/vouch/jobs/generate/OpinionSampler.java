package dev.vouch.jobs.generate;

import dev.vouch.jobs.generate.PlantedWorld.Film;
import dev.vouch.jobs.generate.PlantedWorld.Reviewer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Draws one reviewer's opinions: which films, what rating, which tags and aspect scores. */
final class OpinionSampler {
    /** Stars before affinity, quality, harshness and noise; the middle of the 0.5..5 scale. */
    static final double BASE = 3.0;
    /** Stars added for a film of the reviewer's own group, and for any other group's film. */
    static final double IN_GROUP = 1.0;
    static final double OUT_GROUP = -0.8;

    private static final double TAG_FROM_GROUP = 0.75;
    private static final double ASPECT_RATE = 0.7;
    private static final double ASPECT_NOISE = 1.2;
    private static final long FIRST_TIMESTAMP_YEAR = 1996; // MovieLens's first ratings
    private static final long END = LocalDate.of(PlantedWorld.LAST_YEAR + 1, 1, 1).toEpochDay() * 86_400L;

    record Aspect(String name, int score) {}

    /**
     * @param halves rating in half stars, 1..10, so the 0.5 grid holds by construction
     * @param tags   distinct tags, at most three
     */
    record Opinion(int userId, int movieId, int halves, long timestamp, List<String> tags, List<Aspect> aspects) {
        Opinion {
            if (halves < 1 || halves > 10) {
                throw new IllegalArgumentException("halves must be in 1..10, got " + halves);
            }
            tags = List.copyOf(tags);
            aspects = List.copyOf(aspects);
        }

        /** The MovieLens spelling: {@code 4.0}, {@code 3.5}. */
        String rating() {
            return (halves / 2) + (halves % 2 == 0 ? ".0" : ".5");
        }
    }

    private final List<TasteGroup> groups;
    /** A pick of k from n films draws with replacement (and redraws repeats) while k * DENSE_PICK < n. */
    static final int DENSE_PICK = 4;

    private final List<Pool> inside = new ArrayList<>();
    private final List<Pool> outside = new ArrayList<>();
    private final double inGroupShare;
    private final double noise;

    OpinionSampler(PlantedWorld world, SyntheticOpinions.Params p) {
        this.groups = world.groups();
        for (int g = 0; g < groups.size(); g++) {
            inside.add(Pool.of(world.filmsOf(g, true)));
            outside.add(Pool.of(world.filmsOf(g, false)));
        }
        this.inGroupShare = p.inGroupShare();
        this.noise = p.noise();
    }

    /** The reviewer's opinions in movieId order; the same {@code rng} state gives the same opinions. */
    List<Opinion> sample(Reviewer r, SplittableRandom rng) {
        Pool own = inside.get(r.group());
        Pool rest = outside.get(r.group());
        // Fill the own-group share first; whatever one side cannot hold spills to the other (budget <= films).
        int wantIn = Math.min(own.films().size(), (int) Math.round(r.budget() * inGroupShare));
        int nOut = Math.min(rest.films().size(), r.budget() - wantIn);
        int nIn = r.budget() - nOut;
        List<Film> chosen = new ArrayList<>(pick(own, nIn, rng));
        chosen.addAll(pick(rest, nOut, rng));
        chosen.sort(Comparator.comparingInt(Film::id)); // merge the two id-ordered picks
        return chosen.stream().map(f -> opinion(r, f, rng)).toList();
    }

    private Opinion opinion(Reviewer r, Film f, SplittableRandom rng) {
        double stars = BASE + (f.group() == r.group() ? IN_GROUP : OUT_GROUP) + f.quality() + r.harshness()
                + noise * rng.nextGaussian();
        int halves = clamp((int) Math.round(stars * 2), 1, 10);
        long start = LocalDate.of((int) Math.max(f.year(), FIRST_TIMESTAMP_YEAR), 1, 1).toEpochDay() * 86_400L;
        long timestamp = start + rng.nextLong(END - start);
        return new Opinion(r.id(), f.id(), halves, timestamp, tags(f, halves, rng), aspects(r, halves, rng));
    }

    /** 0–3 tags: mostly the film's group vocabulary, else a generic tag whose mood follows the rating. */
    private List<String> tags(Film f, int halves, SplittableRandom rng) {
        double u = rng.nextDouble();
        int count = u < 0.45 ? 0 : u < 0.75 ? 1 : u < 0.9 ? 2 : 3;
        List<String> generic = halves >= 8 ? TasteCatalogue.PRAISE
                : halves <= 4 ? TasteCatalogue.COMPLAINTS : TasteCatalogue.NEUTRAL;
        List<String> tags = new ArrayList<>(count);
        for (int attempt = 0; tags.size() < count && attempt < 4 * count; attempt++) {
            List<String> from = rng.nextDouble() < TAG_FROM_GROUP ? groups.get(f.group()).tags() : generic;
            String tag = from.get(rng.nextInt(from.size()));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** Aspect scores on 1..10 track the rating (in half stars, also 1..10) with their own noise. */
    private static List<Aspect> aspects(Reviewer r, int halves, SplittableRandom rng) {
        if (r.aspects().isEmpty() || rng.nextDouble() >= ASPECT_RATE) {
            return List.of();
        }
        return r.aspects().stream()
                .map(name -> new Aspect(name, clamp((int) Math.round(halves + ASPECT_NOISE * rng.nextGaussian()), 1,
                        TasteCatalogue.ASPECT_MAX)))
                .toList();
    }

    /**
     * {@code k} films drawn without replacement, more popular films more often, returned in the pool's id order: each
     * draw picks a film with chance proportional to its popularity among those not yet picked (successive sampling,
     * the same distribution as Efraimidis–Spirakis keys). A sparse pick ({@code k} well below the pool) draws with
     * replacement by binary search on the pool's cumulative popularity and redraws repeats, O(k log n) instead of a
     * pass over the whole pool per reviewer, which made 100k reviewers × 100k films grow as n^1.8; a dense pick keys
     * every film once.
     */
    static List<Film> pick(Pool pool, int k, SplittableRandom rng) {
        int n = pool.films().size();
        if (k >= n) {
            return pool.films();
        }
        if (k == 0) {
            return List.of();
        }
        int[] chosen = (long) k * DENSE_PICK < n ? sparse(pool, k, rng) : dense(pool, k, rng);
        Arrays.sort(chosen);
        List<Film> picked = new ArrayList<>(k);
        for (int i : chosen) {
            picked.add(pool.films().get(i));
        }
        return picked;
    }

    private static int[] sparse(Pool pool, int k, SplittableRandom rng) {
        double[] cumulative = pool.cumulative();
        double total = cumulative[cumulative.length - 1];
        java.util.HashSet<Integer> taken = new java.util.HashSet<>(2 * k);
        int[] chosen = new int[k];
        int m = 0;
        while (m < k) {
            int i = Arrays.binarySearch(cumulative, rng.nextDouble() * total);
            i = i >= 0 ? i + 1 : -i - 1; // the first film whose cumulative popularity exceeds the draw
            i = Math.min(i, cumulative.length - 1);
            if (taken.add(i)) {
                chosen[m++] = i;
            }
        }
        return chosen;
    }

    /** Efraimidis–Spirakis over the whole pool: the k largest {@code log(u) / weight}. */
    private static int[] dense(Pool pool, int k, SplittableRandom rng) {
        List<Film> films = pool.films();
        double[] keys = new double[films.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Math.log(1.0 - rng.nextDouble()) / films.get(i).popularity();
        }
        double[] sorted = keys.clone();
        Arrays.sort(sorted); // primitive sort: boxing every index made 1M-opinion runs sort-bound
        double threshold = sorted[sorted.length - k];
        int[] chosen = new int[k];
        int m = 0;
        for (int i = 0; i < keys.length && m < k; i++) {
            if (keys[i] >= threshold) {
                chosen[m++] = i;
            }
        }
        return chosen;
    }

    /** Films in id order with their running popularity total, built once per group and side. */
    record Pool(List<Film> films, double[] cumulative) {
        static Pool of(List<Film> films) {
            double[] cumulative = new double[films.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += films.get(i).popularity();
                cumulative[i] = sum;
            }
            return new Pool(films, cumulative);
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
