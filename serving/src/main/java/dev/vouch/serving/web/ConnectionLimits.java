package dev.vouch.serving.web;

import java.time.Duration;

/**
 * What one client may hold of the server. A request body is read on a pool thread, so without these limits a few
 * hundred connections that trickle one byte at a time would hold every thread and {@code /health} would stop
 * answering.
 *
 * @param idleTimeout              a connection (or a blocked body read) silent this long is closed
 * @param minRequestBytesPerSecond a body arriving slower than this, on average, is refused with 408
 * @param maxPerClient             open connections allowed per client address; more are closed on accept
 */
public record ConnectionLimits(Duration idleTimeout, long minRequestBytesPerSecond, int maxPerClient) {
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(10);
    /**
     * Jetty measures the rate from the start of the request, queueing included, so a high floor refuses small bodies
     * of requests that merely waited under load (256 B/s did, in the soak run). 16 B/s still cuts off a body
     * trickled a byte every few seconds long before the idle timeout would.
     */
    public static final long DEFAULT_MIN_RATE = 16;
    /** Above the 32 connections of the benchmark's wrk mix, far below Jetty's ~250 pool threads. */
    public static final int DEFAULT_PER_CLIENT = 64;

    public ConnectionLimits {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        if (minRequestBytesPerSecond < 0) {
            throw new IllegalArgumentException("minRequestBytesPerSecond must not be negative");
        }
        if (maxPerClient < 1) {
            throw new IllegalArgumentException("maxPerClient must be at least 1");
        }
    }

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(DEFAULT_IDLE, DEFAULT_MIN_RATE, DEFAULT_PER_CLIENT);
    }
}
