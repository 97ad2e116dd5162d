package dev.vouch.serving.suggest;

import dev.vouch.serving.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Blends the views of several trusted reviewers, and optionally the reader's folded-in profile:
 * {@code score(f) = Σ wᵢ·zᵢ(f) / Σ wᵢ}, where a reviewer without a view of f adds 0 (neutral) but still counts
 * in the denominator, so a film liked by several trusted reviewers beats one liked by a single one. The reader's
 * profile takes weight {@code W·n/(n + PERSONAL_HALF)} with W the total trusted weight (1 when nobody is
 * trusted) and n the reader's ratings. Each pick is explained by its largest contributor. With an aspect the views
 * are the reviewers' sub-scores for it ({@link ReviewerScores#ofAspect}) and picks are explained by that sub-score.
 */
final class TrustBlend {
    /** Number of reader ratings at which the reader counts as much as all trusted reviewers together. */
    static final double PERSONAL_HALF = 10.0;

    private final Model model;
    private final int[] reviewers;
    private final double[] weights;
    private final ReviewerScores[] views;
    private final ReaderProfile reader;
    private final String aspect;

    /** {@code views[i]} is the view of {@code reviewers[i]}; {@code reader} and {@code aspect} may be null. */
    TrustBlend(Model model, int[] reviewers, double[] weights, ReviewerScores[] views, ReaderProfile reader,
               String aspect) {
        this.model = model;
        this.reviewers = reviewers.clone();
        this.weights = weights.clone();
        this.views = views.clone();
        this.reader = reader;
        this.aspect = aspect;
    }

    double readerWeight() {
        if (reader == null) {
            return 0;
        }
        double trusted = Arrays.stream(weights).sum();
        return (trusted > 0 ? trusted : 1) * reader.ratings() / (reader.ratings() + PERSONAL_HALF);
    }

    /** The best films, above neutral, that pass {@code accept}. */
    List<Suggestion> pick(int limit, IntPredicate accept, Explainer explainer) {
        int n = model.films().size();
        float[] blended = new float[n];
        float[] best = new float[n];
        int[] source = new int[n];
        Arrays.fill(blended, Float.NaN);
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < reviewers.length; i++) {
            add(blended, best, source, views[i].values(), (float) weights[i], i);
        }
        double readerWeight = readerWeight();
        if (reader != null) {
            add(blended, best, source, reader.scores(), (float) readerWeight, -1);
        }
        float total = (float) (Arrays.stream(weights).sum() + readerWeight);
        for (int f = 0; f < n; f++) {
            blended[f] /= total;
        }
        List<Suggestion> out = new ArrayList<>();
        for (int f : TopK.select(blended, limit, 0f, accept)) {
            int s = source[f];
            Explanation e = s < 0 ? explainer.personal(f, reader.predictedNorm(f), reader.ratings())
                    : aspect != null ? explainer.aspect(reviewers[s], f, aspect)
                    : explainer.reviewer(reviewers[s], f, views[s].kind(f));
            out.add(Suggestions.of(model, f, e, blended[f]));
        }
        return out;
    }

    private static void add(float[] blended, float[] best, int[] source, float[] z, float weight, int id) {
        for (int f = 0; f < z.length; f++) {
            float v = z[f];
            if (Float.isNaN(v)) {
                continue;
            }
            float c = weight * v;
            blended[f] = Float.isNaN(blended[f]) ? c : blended[f] + c;
            if (c > best[f]) {
                best[f] = c;
                source[f] = id;
            }
        }
    }
}
