package dev.vouch.jobs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Seeded synthetic opinions with a planted taste structure, written as a MovieLens-style folder that the MovieLens
 * reader ingests. The planted truth goes to {@code groups.csv} so tests can check that training recovers it.
 *
 * <p>Determinism: the same {@link Params} give byte-identical files. Every random draw comes from one
 * {@link SplittableRandom} seeded with {@link Params#seed()}, split in a fixed order, and every file is written in
 * id order.
 */
public final class SyntheticOpinions {
    private SyntheticOpinions() {}

    /**
     * Generator parameters, validated here so a bad value fails before any file is touched.
     *
     * @param reviewers    number of reviewers (users), at least 1; default {@value #DEFAULT_REVIEWERS}
     * @param films        number of films, at least {@code groups} so every group has a film; default
     *                     {@value #DEFAULT_FILMS}
     * @param opinions     target number of ratings; met exactly. At least {@code reviewers} (everyone rates
     *                     something), at most {@code reviewers * films}; default {@value #DEFAULT_OPINIONS}
     * @param groups       planted taste groups, 2..{@link #MAX_GROUPS} (the catalogue's size); default
     *                     {@value #DEFAULT_GROUPS}
     * @param seed         seed of every random draw; default {@value #DEFAULT_SEED}
     * @param inGroupShare share of a reviewer's ratings that go to films of their own group, in [0,1]; default
     *                     {@value #DEFAULT_IN_GROUP_SHARE}
     * @param noise        standard deviation of the per-rating noise in stars, in [0,5]; default
     *                     {@value #DEFAULT_NOISE}
     */
    public record Params(int reviewers, int films, int opinions, int groups, long seed, double inGroupShare,
            double noise) {
        public static final int DEFAULT_REVIEWERS = 300;
        public static final int DEFAULT_FILMS = 2_000;
        public static final int DEFAULT_OPINIONS = 40_000;
        public static final int DEFAULT_GROUPS = 6;
        public static final long DEFAULT_SEED = 42L;
        public static final double DEFAULT_IN_GROUP_SHARE = 0.7;
        public static final double DEFAULT_NOISE = 0.5;
        public static final int MAX_GROUPS = 6;

        public Params {
            require(reviewers >= 1, "reviewers must be at least 1, got " + reviewers);
            require(groups >= 2 && groups <= MAX_GROUPS,
                    "groups must be between 2 and " + MAX_GROUPS + ", got " + groups);
            require(films >= groups, "films must be at least groups (" + groups + "), got " + films);
            require(opinions >= reviewers, "opinions must be at least reviewers (" + reviewers + "), got " + opinions);
            require((long) opinions <= (long) reviewers * films,
                    "opinions must be at most reviewers * films (" + (long) reviewers * films + "), got " + opinions);
            require(inGroupShare >= 0 && inGroupShare <= 1, "inGroupShare must be in [0,1], got " + inGroupShare);
            require(noise >= 0 && noise <= 5, "noise must be in [0,5], got " + noise);
        }

        /** The documented defaults. */
        public static Params defaults() {
            return new Params(DEFAULT_REVIEWERS, DEFAULT_FILMS, DEFAULT_OPINIONS, DEFAULT_GROUPS, DEFAULT_SEED,
                    DEFAULT_IN_GROUP_SHARE, DEFAULT_NOISE);
        }

        /** These parameters with the sizes replaced; handy for small test runs. */
        public Params withSize(int reviewers, int films, int opinions) {
            return new Params(reviewers, films, opinions, groups, seed, inGroupShare, noise);
        }

        public Params withSeed(long seed) {
            return new Params(reviewers, films, opinions, groups, seed, inGroupShare, noise);
        }

        public Params withGroups(int groups) {
            return new Params(reviewers, films, opinions, groups, seed, inGroupShare, noise);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** What one run wrote: row counts per file (header lines excluded). */
    public record Summary(Path outDir, int films, int reviewers, int ratings, int tags, int aspects) {}

    /**
     * Writes {@code movies.csv}, {@code ratings.csv}, {@code tags.csv}, {@code aspects.csv} and {@code groups.csv}
     * into {@code outDir}, creating it if needed and replacing those five files if present.
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static Summary write(Path outDir, Params p) {
        SplittableRandom root = new SplittableRandom(p.seed());
        PlantedWorld world = PlantedWorld.plant(p, root.split());
        OpinionSampler sampler = new OpinionSampler(world, p);
        try {
            return MovieLensWriter.write(outDir, world, sampler, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write synthetic opinions to " + outDir, e);
        }
    }
}
