package dev.vouch.serving.access;

/** A request to {@code /api/*} without a valid API key while keys are configured; mapped to 401. */
public class ApiKeyException extends RuntimeException {
    public ApiKeyException(String message) {
        super(message);
    }
}
