package dev.vouch.serving.access;

/** A key over its request rate; mapped to 429 with {@code Retry-After: retryAfterSeconds}. */
public class RateLimitedException extends RuntimeException {
    private final long retryAfterSeconds;

    public RateLimitedException(String keyName, long retryAfterSeconds) {
        super("the API key '" + keyName + "' is over its rate limit; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
