package dev.vouch.serving.app;

/** Refused access to an admin endpoint: 401 (missing or wrong token) or 403 (endpoint disabled). */
final class AdminException extends RuntimeException {
    private final int status;

    AdminException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
