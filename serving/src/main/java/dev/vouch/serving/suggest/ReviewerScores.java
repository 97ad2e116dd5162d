package dev.vouch.serving.suggest;

import dev.vouch.serving.model.Aspect;
import dev.vouch.serving.model.Factors;
import dev.vouch.serving.model.Films;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.Opinions;
import dev.vouch.serving.model.Reviewers;
import java.util.Arrays;

/**
 * What one reviewer R thinks of every film, on one comparable scale: how far above R's own habit it is, in R's
 * standard deviations (z). A 9/10 from a harsh critic (mean 5, sd 2) is z = 2; the same 9 from a generous one
 * (mean 8, sd 1) is z = 1.
 *
 * <ul>
 *   <li>Films R scored: {@code z = (score_norm - mean_norm) / max(sd_norm, 0.05)}; kind {@link #REVIEWED}.</li>
 *   <li>Other films, when R and the film have factors: the model's prediction
 *       {@code global_mean + R.bias + film.bias + dot(R.factors, film.factors)}, clamped to [0, 1], on the same
 *       scale and multiplied by {@link #PREDICTION_DAMPING} so that a guess must beat a real opinion clearly to
 *       outrank it; kind {@link #PREDICTED}.</li>
 *   <li>Otherwise NaN (R has no view).</li>
 * </ul>
 * A reviewer without a mean is centred on {@code global_mean + bias} with sd {@link #DEFAULT_SD}.
 */
public final class ReviewerScores {
    public static final byte NONE = 0;
    public static final byte REVIEWED = 1;
    public static final byte PREDICTED = 2;
    /** Floor under a reviewer's standard deviation, so a reviewer who always gives 7 does not explode z. */
    public static final double SD_FLOOR = 0.05;
    /** Standard deviation assumed for a reviewer (or reader) whose own is unknown. */
    public static final double DEFAULT_SD = 0.2;
    /** Factor on predicted z. */
    public static final float PREDICTION_DAMPING = 0.8f;

    private final float[] z;
    private final byte[] kind;

    private ReviewerScores(float[] z, byte[] kind) {
        this.z = z;
        this.kind = kind;
    }

    /** R's view of every film of the model. */
    public static ReviewerScores of(Model model, int reviewer) {
        Films films = model.films();
        Reviewers reviewers = model.reviewers();
        Opinions opinions = model.opinions();
        int n = films.size();
        float[] z = new float[n];
        byte[] kind = new byte[n];
        Arrays.fill(z, Float.NaN);
        double center = center(model, reviewer);
        double sd = spread(reviewers.sdNorm(reviewer));
        Factors rf = reviewers.factors();
        if (rf.has(reviewer)) {
            Factors ff = films.factors();
            double base = model.globalMean() + reviewers.bias(reviewer);
            float scale = (float) (PREDICTION_DAMPING / sd);
            for (int f = 0; f < n; f++) {
                if (ff.has(f)) {
                    double predicted = clamp01(base + films.bias(f) + ff.dot(f, rf, reviewer));
                    z[f] = (float) (predicted - center) * scale;
                    kind[f] = PREDICTED;
                }
            }
        }
        for (int p = opinions.start(reviewer); p < opinions.end(reviewer); p++) {
            float norm = opinions.scoreNorm(p);
            if (!Float.isNaN(norm)) {
                z[opinions.film(p)] = (float) ((norm - center) / sd);
                kind[opinions.film(p)] = REVIEWED;
            }
        }
        return new ReviewerScores(z, kind);
    }

    /** R's sub-scores for one aspect (score / max), only on films where R gave it; kind {@link #REVIEWED}. */
    public static ReviewerScores ofAspect(Model model, int reviewer, String aspect) {
        int n = model.films().size();
        float[] z = new float[n];
        byte[] kind = new byte[n];
        Arrays.fill(z, Float.NaN);
        Opinions opinions = model.opinions();
        for (int p = opinions.start(reviewer); p < opinions.end(reviewer); p++) {
            Aspect a = opinions.aspect(p, aspect);
            if (a != null) {
                z[opinions.film(p)] = (float) a.normalised();
                kind[opinions.film(p)] = REVIEWED;
            }
        }
        return new ReviewerScores(z, kind);
    }

    /** The score R's z is measured from: R's mean, or the model's expectation for R. */
    static double center(Model model, int reviewer) {
        double mean = model.reviewers().meanNorm(reviewer);
        return Double.isNaN(mean) ? model.globalMean() + model.reviewers().bias(reviewer) : mean;
    }

    static double spread(double sd) {
        return Double.isNaN(sd) ? DEFAULT_SD : Math.max(sd, SD_FLOOR);
    }

    static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The scores, one per film index (NaN where R has no view). Callers must not modify the array. */
    float[] values() {
        return z;
    }

    public float z(int film) {
        return z[film];
    }

    /** {@link #REVIEWED}, {@link #PREDICTED} or {@link #NONE}. */
    public byte kind(int film) {
        return kind[film];
    }

    /** True when R has any view of any film. */
    public boolean isEmpty() {
        for (byte k : kind) {
            if (k != NONE) {
                return false;
            }
        }
        return true;
    }
}
