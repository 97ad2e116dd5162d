package dev.vouch.jobs.generate;

import dev.vouch.jobs.common.JobOptions;
import dev.vouch.jobs.generate.SyntheticOpinions.Params;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vouch generate}: seeded synthetic opinions as a MovieLens folder; no Spark involved. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write seeded synthetic opinions with planted taste groups as a MovieLens folder",
                "(movies, ratings, tags) plus aspects.csv and groups.csv (the planted truth).",
                "The same options always give byte-identical files."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write; created if needed.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + Params.DEFAULT_SEED,
            description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reviewers", paramLabel = "N", defaultValue = "" + Params.DEFAULT_REVIEWERS,
            description = "Reviewers (default: ${DEFAULT-VALUE}).")
    int reviewers;

    @Option(names = "--films", paramLabel = "N", defaultValue = "" + Params.DEFAULT_FILMS,
            description = "Films (default: ${DEFAULT-VALUE}).")
    int films;

    @Option(names = "--opinions", paramLabel = "N", defaultValue = "" + Params.DEFAULT_OPINIONS,
            description = "Ratings to write, exactly (default: ${DEFAULT-VALUE}).")
    int opinions;

    @Option(names = "--groups", paramLabel = "N", defaultValue = "" + Params.DEFAULT_GROUPS,
            description = "Planted taste groups, 2.." + Params.MAX_GROUPS + " (default: ${DEFAULT-VALUE}).")
    int groups;

    @Option(names = "--in-group-share", paramLabel = "X", defaultValue = "" + Params.DEFAULT_IN_GROUP_SHARE,
            description = "Share of a reviewer's ratings on their own group's films (default: ${DEFAULT-VALUE}).")
    double inGroupShare;

    @Option(names = "--noise", paramLabel = "X", defaultValue = "" + Params.DEFAULT_NOISE,
            description = "Standard deviation of rating noise, in stars (default: ${DEFAULT-VALUE}).")
    double noise;

    @Mixin
    JobOptions job;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Params params;
        try {
            params = new Params(reviewers, films, opinions, groups, seed, inGroupShare, noise);
        } catch (IllegalArgumentException e) {
            // A bad number is a usage error (exit 2), not a failed run.
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        long started = System.nanoTime();
        SyntheticOpinions.Summary s = SyntheticOpinions.write(out, params);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println(job.json ? json(s, params, seconds) : String.format(Locale.ROOT,
                "generated %d films, %d reviewers, %d ratings, %d tags, %d aspect scores in %s (seed %d, %.2f s)",
                s.films(), s.reviewers(), s.ratings(), s.tags(), s.aspects(), s.outDir(), params.seed(), seconds));
        return 0;
    }

    private static String json(SyntheticOpinions.Summary s, Params p, double seconds) {
        return String.format(Locale.ROOT, "{\"out\": \"%s\", \"seed\": %d, \"groups\": %d, \"films\": %d, "
                        + "\"reviewers\": %d, \"ratings\": %d, \"tags\": %d, \"aspects\": %d, \"seconds\": %.3f}",
                s.outDir().toString().replace("\\", "\\\\").replace("\"", "\\\""), p.seed(), p.groups(), s.films(),
                s.reviewers(), s.ratings(), s.tags(), s.aspects(), seconds);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand()).execute(args));
    }
}
