package dev.vouch.serving.access;

/**
 * Who may call {@code /api/*} and how often: the configured keys (none: open) and each key's requests per second.
 */
public record ApiPolicy(ApiKeys keys, int perSecond) {
    public static final int DEFAULT_PER_SECOND = 20;

    public ApiPolicy {
        keys = keys == null ? ApiKeys.none() : keys;
        if (perSecond < 1) {
            throw new IllegalArgumentException("the rate limit must be at least 1 request per second per key");
        }
    }

    public static ApiPolicy open() {
        return new ApiPolicy(ApiKeys.none(), DEFAULT_PER_SECOND);
    }
}
