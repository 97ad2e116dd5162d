package dev.vouch.serving.web;

/** Input that breaks the API contract; mapped to HTTP 400 with a problem body naming {@link #field()}. */
public class BadRequestException extends RuntimeException {
    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending parameter or JSON field, e.g. {@code limit} or {@code trusted[0].weight}. */
    public String field() {
        return field;
    }
}
