package dev.vouch.jobs.common;

import java.io.PrintStream;

/**
 * Progress of a long run, on stderr so that {@code --json} output on stdout stays one clean object. Each step prints
 * its number, the time since start and what it is doing.
 */
public final class Progress {
    private final PrintStream out;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private int step;

    public Progress(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    public static Progress quiet() {
        return new Progress(System.err, false);
    }

    public void step(String what) {
        step++;
        if (enabled) {
            out.printf("[%5.1fs] %d. %s%n", (System.nanoTime() - start) / 1e9, step, what);
        }
    }

    public void note(String what) {
        if (enabled) {
            out.printf("          %s%n", what);
        }
    }
}
