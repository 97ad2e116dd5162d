package dev.vouch.jobs.common;

/** A problem the user can fix (bad path, bad option, bad schema). The CLI prints its message on one line. */
public class VouchException extends RuntimeException {
    public VouchException(String message) {
        super(message);
    }

    public VouchException(String message, Throwable cause) {
        super(message, cause);
    }
}
