package dev.vouch.serving.app;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shared cache as a CDN runs one (RFC 9111, the parts Vouch relies on): it stores 200 answers that are not
 * {@code no-store}, serves a stored answer while its age is below {@code max-age}, and then revalidates it with
 * {@code If-None-Match}, keeping it on 304 and replacing it on 200. Time is a field the test moves, not the wall
 * clock, so a 60 s max-age costs no waiting.
 */
final class SharedCache {
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

    /** What the cache answered, and how. */
    enum Outcome { MISS, HIT, REVALIDATED, REFRESHED }

    record Served(Outcome outcome, String body, String etag) {
    }

    private record Entry(String body, String etag, Instant storedAt, Duration maxAge) {
        boolean fresh(Instant now) {
            return Duration.between(storedAt, now).compareTo(maxAge) < 0;
        }
    }

    private final Http origin;
    private final Map<String, Entry> entries = new HashMap<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    SharedCache(Http origin) {
        this.origin = origin;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    Served get(String path) {
        Entry stored = entries.get(path);
        if (stored != null && stored.fresh(now)) {
            return new Served(Outcome.HIT, stored.body(), stored.etag());
        }
        Http.Answer answer = stored == null ? origin.get(path) : origin.get(path, "If-None-Match", stored.etag());
        if (answer.status() == 304 && stored != null) {
            Entry kept = new Entry(stored.body(), stored.etag(), now, maxAge(answer));
            entries.put(path, kept);
            return new Served(Outcome.REVALIDATED, kept.body(), kept.etag());
        }
        String cacheControl = answer.header("Cache-Control");
        if (answer.status() == 200 && cacheControl != null && !cacheControl.contains("no-store")
                && answer.header("ETag") != null) {
            entries.put(path, new Entry(answer.body(), answer.header("ETag"), now, maxAge(answer)));
        } else {
            entries.remove(path);
        }
        return new Served(stored == null ? Outcome.MISS : Outcome.REFRESHED, answer.body(), answer.header("ETag"));
    }

    private static Duration maxAge(Http.Answer answer) {
        Matcher m = MAX_AGE.matcher(String.valueOf(answer.header("Cache-Control")));
        return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : Duration.ZERO;
    }
}
