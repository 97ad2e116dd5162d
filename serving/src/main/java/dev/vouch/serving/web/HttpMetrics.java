package dev.vouch.serving.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request counts and latency per route template (never per raw path, so ids do not explode the series):
 * {@code vouch_http_requests_seconds{method, route, status}} with a histogram for percentiles. Timers are kept per
 * series, so a request costs one map lookup rather than building and registering a meter id.
 */
public final class HttpMetrics {
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Javalin request-logger callback. */
    public void record(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "other" : endpoint.path;
        String method = ctx.method().name();
        String status = Integer.toString(ctx.statusCode());
        timers.computeIfAbsent(method + ' ' + route + ' ' + status, k -> timer(method, route, status))
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private Timer timer(String method, String route, String status) {
        return Timer.builder("vouch.http.requests")
                .description("HTTP requests by route template and status")
                .tags("method", method, "route", route, "status", status)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }
}
