package dev.vouch.serving.suggest;

import dev.vouch.engine.TopK;
import dev.vouch.serving.model.Aspect;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.Opinions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Trust on one aspect ("I trust R on acting"): the trusted reviewers' sub-scores for that aspect ({@code score/max}),
 * averaged with their weights; a reviewer who did not give the aspect to a film adds 0 but still counts. Only films
 * a trusted reviewer actually scored on the aspect are suggested, so this is a filter on opinions, not a prediction,
 * and it is not blended with the ranking engine's scores (those are in another unit).
 */
final class AspectBlend {
    private AspectBlend() {
    }

    static List<Suggestion> pick(Model model, int[] reviewers, double[] weights, String aspect, int limit,
                                 IntPredicate accept, Explainer explainer) {
        int n = model.films().size();
        float[] blended = new float[n];
        float[] best = new float[n];
        int[] source = new int[n];
        Arrays.fill(blended, Float.NaN);
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        double total = Arrays.stream(weights).sum();
        Opinions o = model.opinions();
        for (int i = 0; i < reviewers.length; i++) {
            float w = (float) (weights[i] / total);
            for (int p = o.start(reviewers[i]); p < o.end(reviewers[i]); p++) {
                Aspect a = o.aspect(p, aspect);
                if (a == null) {
                    continue;
                }
                int f = o.film(p);
                float c = w * (float) a.normalised();
                blended[f] = Float.isNaN(blended[f]) ? c : blended[f] + c;
                if (c > best[f]) {
                    best[f] = c;
                    source[f] = i;
                }
            }
        }
        List<Suggestion> out = new ArrayList<>();
        for (int f : TopK.select(blended, limit, -1f, accept)) {
            out.add(Suggestions.of(model, f, explainer.aspect(reviewers[source[f]], f, aspect), blended[f]));
        }
        return out;
    }
}
