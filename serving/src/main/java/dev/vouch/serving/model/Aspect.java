package dev.vouch.serving.model;

import java.util.Objects;

/** One aspect sub-score as written by a reviewer, e.g. story 10 of 10. */
public record Aspect(String name, double score, double max) {
    public Aspect {
        Objects.requireNonNull(name, "name");
        if (!(max > 0)) {
            throw new IllegalArgumentException("aspect max must be positive: " + max);
        }
    }

    /** The sub-score as a fraction of its maximum. */
    public double normalised() {
        return score / max;
    }
}
