package dev.vouch.jobs.evaluate;

/**
 * A model (ours or a baseline) fitted on the training part of one fold. Implementations are immutable and safe to
 * call from several threads.
 */
interface FoldModel {
    /** A normalised (score / scale_max) prediction, or NaN when the model has none for this pair. */
    double predict(int reviewer, int film);

    /** Whether the model predicts ratings at all; popularity does not. Most models do. */
    default boolean predictsRatings() {
        return true;
    }

    /** Whether the model can rank films; global mean cannot (every film gets the same score). Most models can. */
    default boolean ranks() {
        return true;
    }

    /**
     * At most {@code k} films of the fold's catalogue that the reviewer did not rate in training, best first; ties go
     * to the lower film index. Only called when {@link #ranks()}.
     */
    int[] recommend(int reviewer, int k);
}
