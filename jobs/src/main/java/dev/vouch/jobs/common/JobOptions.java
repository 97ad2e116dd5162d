package dev.vouch.jobs.common;

import picocli.CommandLine.Option;

/** Options every job command shares: machine-readable output and error detail. */
public final class JobOptions {
    @Option(names = "--json", description = "Print the run's summary as one JSON object on stdout.")
    public boolean json;

    @Option(names = "--verbose", description = "Show stack traces for errors.")
    public boolean verbose;

    @Option(names = "--quiet", description = "Do not print progress.")
    public boolean quiet;

    public Progress progress() {
        return new Progress(System.err, !quiet);
    }
}
