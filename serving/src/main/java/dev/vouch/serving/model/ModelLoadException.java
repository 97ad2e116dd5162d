package dev.vouch.serving.model;

/** A model version that cannot be served: missing, partial, corrupt or not matching the contract. */
public class ModelLoadException extends RuntimeException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
