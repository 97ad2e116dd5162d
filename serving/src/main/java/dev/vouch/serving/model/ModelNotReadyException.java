package dev.vouch.serving.model;

/** No model has been loaded yet; mapped to HTTP 503. */
public class ModelNotReadyException extends RuntimeException {
    public ModelNotReadyException() {
        super("no model is loaded yet");
    }
}
