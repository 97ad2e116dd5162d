package dev.vouch.serving.access;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards {@code /api/*} when API keys are configured: the key comes in {@code X-Api-Key}; a missing or unknown key
 * is 401, a key over its rate is 429 with {@code Retry-After}. Requests are counted per key name
 * ({@code vouch_api_requests_total{key,result}}) and refusals logged by name; the key itself is never logged.
 */
public final class ApiAccess {
    public static final String HEADER = "X-Api-Key";
    private static final Logger LOG = LoggerFactory.getLogger(ApiAccess.class);

    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ApiAccess(ApiKeys keys, int perSecond, MeterRegistry registry) {
        this.keys = keys;
        this.limiter = new RateLimiter(perSecond, System::nanoTime);
        this.registry = registry;
    }

    public boolean enabled() {
        return keys.enabled();
    }

    /** Javalin before-handler for {@code /api/*}. */
    public void check(Context ctx) {
        if (!keys.enabled()) {
            return;
        }
        String name = keys.nameOf(ctx.header(HEADER)).orElse(null);
        if (name == null) {
            count("unknown", "unauthorized");
            throw new ApiKeyException(ctx.header(HEADER) == null ? "an API key is required in the " + HEADER + " header"
                    : "the API key is not valid");
        }
        long waitNanos = limiter.acquire(name);
        if (waitNanos > 0) {
            count(name, "limited");
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            LOG.info("API key '{}' is over its rate limit on {} {}", name, ctx.method(), ctx.path());
            throw new RateLimitedException(name, seconds);
        }
        count(name, "allowed");
    }

    private void count(String name, String result) {
        counters.computeIfAbsent(name + ' ' + result, k -> Counter.builder("vouch.api.requests")
                .description("API requests by key name and access result").tags("key", name, "result", result)
                .register(registry)).increment();
    }
}
