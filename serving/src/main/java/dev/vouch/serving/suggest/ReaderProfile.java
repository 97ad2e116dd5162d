package dev.vouch.serving.suggest;

import dev.vouch.serving.model.Factors;
import dev.vouch.serving.model.Films;
import dev.vouch.serving.model.Model;
import java.util.Arrays;

/**
 * A reader folded into the trained model from their own ratings, without retraining: one ALS half-step.
 * Reader bias {@code b = Σ(r - μ - b_f) / (n + BIAS_REG)}; factors x solve
 * {@code (YᵀY + λ·n·I) x = Yᵀ(r - μ - b - b_f)} over the rated films that have factors (Y their factor rows,
 * λ the model's reg_param, as in ALS-WR). The reader's view of film f is then z-scored like a reviewer's:
 * {@code (clamp(μ + b + b_f + x·y_f) - (μ + b)) / DEFAULT_SD}.
 */
final class ReaderProfile {
    /** Shrinks the reader bias toward 0 for readers with few ratings. */
    static final double BIAS_REG = 2.0;
    /** λ used when the manifest carries no reg_param. */
    static final double DEFAULT_REG = 0.1;

    private final Model model;
    private final int ratings;
    private final double bias;
    private final float[] factors;

    private ReaderProfile(Model model, int ratings, double bias, float[] factors) {
        this.model = model;
        this.ratings = ratings;
        this.bias = bias;
        this.factors = factors;
    }

    /** Folds in ratings (film indices and score_norm values); null when no rated film has factors. */
    static ReaderProfile fold(Model model, int[] films, double[] norms) {
        Films fs = model.films();
        Factors ff = fs.factors();
        double mu = model.globalMean();
        double residual = 0;
        int usable = 0;
        for (int i = 0; i < films.length; i++) {
            residual += norms[i] - mu - fs.bias(films[i]);
            usable += ff.has(films[i]) ? 1 : 0;
        }
        if (usable == 0) {
            return null;
        }
        double bias = residual / (films.length + BIAS_REG);
        int k = model.rank();
        double lambda = Double.isNaN(model.manifest().regParam()) ? DEFAULT_REG : model.manifest().regParam();
        double[][] a = new double[k][k];
        double[] rhs = new double[k];
        for (int i = 0; i < films.length; i++) {
            if (!ff.has(films[i])) {
                continue;
            }
            float[] y = ff.row(films[i]);
            double target = norms[i] - mu - bias - fs.bias(films[i]);
            for (int p = 0; p < k; p++) {
                rhs[p] += y[p] * target;
                for (int q = 0; q < k; q++) {
                    a[p][q] += y[p] * y[q];
                }
            }
        }
        for (int p = 0; p < k; p++) {
            a[p][p] += Math.max(lambda, 1e-6) * usable;
        }
        double[] x = Cholesky.solve(a, rhs);
        float[] factors = new float[k];
        for (int p = 0; p < k; p++) {
            factors[p] = (float) x[p];
        }
        return new ReaderProfile(model, films.length, bias, factors);
    }

    /** The predicted score_norm of a film, NaN when the film has no factors. */
    double predictedNorm(int film) {
        Films fs = model.films();
        if (!fs.factors().has(film)) {
            return Double.NaN;
        }
        return ReviewerScores.clamp01(model.globalMean() + bias + fs.bias(film) + fs.factors().dot(film, factors));
    }

    /** The reader's view of every film in z units (NaN where no prediction exists). */
    float[] scores() {
        float[] z = new float[model.films().size()];
        Arrays.fill(z, Float.NaN);
        double center = model.globalMean() + bias;
        for (int f = 0; f < z.length; f++) {
            double p = predictedNorm(f);
            if (!Double.isNaN(p)) {
                z[f] = (float) ((p - center) / ReviewerScores.DEFAULT_SD);
            }
        }
        return z;
    }

    int ratings() {
        return ratings;
    }

    double bias() {
        return bias;
    }

    float[] factors() {
        return factors.clone();
    }
}
