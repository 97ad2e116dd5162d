package dev.vouch.serving.web;

/** A request body that is not declared as {@code application/json}; mapped to HTTP 415. */
public class UnsupportedMediaTypeException extends RuntimeException {
    public UnsupportedMediaTypeException(String given) {
        super("the request body must be sent as Content-Type: application/json, was " + given);
    }
}
