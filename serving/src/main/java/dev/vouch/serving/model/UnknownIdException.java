package dev.vouch.serving.model;

/** A reviewer or film id that the served model does not contain; mapped to HTTP 404. */
public class UnknownIdException extends RuntimeException {
    private final String kind;
    private final String id;

    public UnknownIdException(String kind, String id) {
        super("unknown " + kind + " '" + id + "'");
        this.kind = kind;
        this.id = id;
    }

    /** "reviewer" or "film". */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
