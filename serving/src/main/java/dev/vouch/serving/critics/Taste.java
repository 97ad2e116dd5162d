package dev.vouch.serving.critics;

import dev.vouch.engine.ReaderProfile;
import java.util.Map;

/**
 * The asker's side of a match, in the model's indices: scored films, their enthusiasm z on the asker's own habits,
 * the scores as given (with their scale) and any aspect sub-scores (normalised, by aspect name).
 */
record Taste(int[] films, double[] z, double[] scores, double[] scaleMax, Map<String, Double>[] aspects,
             ReaderProfile.Habits habits, int exclude) {

    int size() {
        return films.length;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
