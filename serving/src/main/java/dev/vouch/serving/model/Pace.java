package dev.vouch.serving.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the CPU that one thread spends on a piece of work to a share of one core, by sleeping between units of it.
 * A reload runs beside the model being served: loading it flat out takes a core from the requests for a second or
 * two and shows as a step in their latency; paced, the same CPU is spread over a few seconds. {@link #breathe()} is
 * called between units (rows, file chunks); it sleeps only once the thread is ahead of its share by a few
 * milliseconds, so that the calls cost next to nothing. Not thread-safe: one pace per thread.
 */
public final class Pace {
    /** No pacing: as fast as the core allows (a first load, when nothing else is served). */
    public static final Pace FULL = new Pace(1.0);

    private static final long SLACK_NANOS = 3_000_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final double share;
    private final long startWall;
    private final long startCpu;
    private final Thread owner;
    private long sleptNanos;

    private Pace(double share) {
        this.share = share;
        this.owner = Thread.currentThread();
        this.startWall = System.nanoTime();
        this.startCpu = share < 1 ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** A pace for the calling thread, starting now; {@code share} in (0, 1] of one core. */
    public static Pace of(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("CPU share must be in (0, 1], not " + share);
        }
        return share >= 1 || !THREADS.isCurrentThreadCpuTimeSupported() ? FULL : new Pace(share);
    }

    /** Sleeps while the thread has used more than its share of the time since the pace began. */
    public void breathe() {
        if (share >= 1 || Thread.currentThread() != owner) {
            return;
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - startCpu;
        long ahead = (long) (cpu / share) - (System.nanoTime() - startWall);
        if (ahead > SLACK_NANOS) {
            LockSupport.parkNanos(ahead);
            sleptNanos += ahead;
        }
    }

    /** CPU the thread has used since the pace began (for the load's log line). */
    long cpuMillis() {
        return share >= 1 ? 0 : (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
    }

    /** Time spent sleeping so far (for the load's log line). */
    long sleptMillis() {
        return sleptNanos / 1_000_000;
    }
}
