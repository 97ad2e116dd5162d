package dev.vouch.serving.suggest;

/** A question the suggest domain cannot answer as asked; the web layer maps it to a 400 naming {@link #field()}. */
public final class InvalidQueryException extends RuntimeException {
    private final String field;

    public InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending parameter or JSON field, e.g. {@code limit} or {@code trusted[0].weight}. */
    public String field() {
        return field;
    }
}
