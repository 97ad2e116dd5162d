package dev.vouch.serving.web;

/** A request body over the configured size limit; mapped to HTTP 413. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
