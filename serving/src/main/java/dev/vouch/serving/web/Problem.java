package dev.vouch.serving.web;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}.
 *
 * @param type   a URI naming the kind of problem
 * @param title  a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param field  the offending parameter or JSON field (400 only), else null
 */
public record Problem(String type, String title, int status, String detail, String field) {
    /** Media type of problem bodies. */
    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem("urn:vouch:problem:" + slug, title, status, detail, null);
    }

    public static Problem badRequest(String field, String detail) {
        return new Problem("urn:vouch:problem:bad-request", "Bad Request", 400, detail, field);
    }
}
