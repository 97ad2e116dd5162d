package dev.vouch.serving.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A per-key limit of {@code perSecond} requests with bursts of the same size, as a generic cell rate algorithm: each
 * key keeps one "theoretical arrival time", updated by compare-and-set, so handlers never lock.
 */
final class RateLimiter {
    private final long intervalNanos;
    private final long toleranceNanos;
    private final LongSupplier clock;
    private final Map<String, AtomicLong> arrival = new ConcurrentHashMap<>();

    RateLimiter(int perSecond, LongSupplier clock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("the rate limit must be at least 1 request per second");
        }
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.toleranceNanos = intervalNanos * (perSecond - 1);
        this.clock = clock;
    }

    /** 0 when the request may go ahead, else how many nanoseconds to wait before the next one would. */
    long acquire(String key) {
        AtomicLong tat = arrival.computeIfAbsent(key, k -> new AtomicLong(Long.MIN_VALUE));
        while (true) {
            long now = clock.getAsLong();
            long seen = tat.get();
            long start = seen == Long.MIN_VALUE ? now : Math.max(seen, now);
            long wait = start - now - toleranceNanos;
            if (wait > 0) {
                return wait;
            }
            if (tat.compareAndSet(seen, start + intervalNanos)) {
                return 0;
            }
        }
    }
}
