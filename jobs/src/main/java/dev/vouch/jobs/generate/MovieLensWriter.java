package dev.vouch.jobs.generate;

import dev.vouch.jobs.generate.OpinionSampler.Aspect;
import dev.vouch.jobs.generate.OpinionSampler.Opinion;
import dev.vouch.jobs.generate.PlantedWorld.Film;
import dev.vouch.jobs.generate.PlantedWorld.Reviewer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a planted world as a MovieLens folder plus Vouch's two extensions. Opinions are streamed reviewer by
 * reviewer, so memory stays flat however many are asked for.
 */
final class MovieLensWriter {
    private MovieLensWriter() {}

    static final String MOVIES = "movies.csv";
    static final String RATINGS = "ratings.csv";
    static final String TAGS = "tags.csv";
    static final String ASPECTS = "aspects.csv";
    static final String GROUPS = "groups.csv";

    static SyntheticOpinions.Summary write(Path dir, PlantedWorld world, OpinionSampler sampler, SplittableRandom rng)
            throws IOException {
        Files.createDirectories(dir);
        writeMovies(dir.resolve(MOVIES), world);
        writeGroups(dir.resolve(GROUPS), world);
        CriticFilms.write(dir, world);
        int ratings = 0;
        int tags = 0;
        int aspects = 0;
        try (Writer r = open(dir.resolve(RATINGS)); Writer t = open(dir.resolve(TAGS));
                Writer a = open(dir.resolve(ASPECTS))) {
            r.write(Csv.line("userId", "movieId", "rating", "timestamp"));
            t.write(Csv.line("userId", "movieId", "tag", "timestamp"));
            a.write(Csv.line("userId", "movieId", "aspect", "score", "max"));
            for (Reviewer reviewer : world.reviewers()) {
                // One split per reviewer, taken in id order: each reviewer's draws are independent of the others'.
                for (Opinion o : sampler.sample(reviewer, rng.split())) {
                    String movieId = world.movieId(o.movieId());
                    r.write(Csv.line(o.userId(), movieId, o.rating(), o.timestamp()));
                    ratings++;
                    for (String tag : o.tags()) {
                        t.write(Csv.line(o.userId(), movieId, tag, o.timestamp()));
                        tags++;
                    }
                    for (Aspect x : o.aspects()) {
                        a.write(Csv.line(o.userId(), movieId, x.name(), x.score(), TasteCatalogue.ASPECT_MAX));
                        aspects++;
                    }
                }
            }
        }
        return new SyntheticOpinions.Summary(dir, world.films().size(), world.reviewers().size(), ratings, tags,
                aspects);
    }

    private static void writeMovies(Path file, PlantedWorld world) throws IOException {
        try (Writer w = open(file)) {
            w.write(Csv.line("movieId", "title", "genres"));
            for (Film f : world.films()) {
                w.write(Csv.line(world.movieId(f.id()), f.title() + " (" + f.year() + ")", String.join("|", f.genres())));
            }
        }
    }

    /** The planted truth: {@code user} rows first, then {@code movie} rows, each in id order. */
    private static void writeGroups(Path file, PlantedWorld world) throws IOException {
        try (Writer w = open(file)) {
            w.write(Csv.line("kind", "id", "group"));
            for (Reviewer r : world.reviewers()) {
                w.write(Csv.line("user", r.id(), world.groups().get(r.group()).name()));
            }
            for (Film f : world.films()) {
                w.write(Csv.line("movie", world.movieId(f.id()), world.groups().get(f.group()).name()));
            }
        }
    }

    private static Writer open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
