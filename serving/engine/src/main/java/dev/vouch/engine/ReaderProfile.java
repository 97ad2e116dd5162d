package dev.vouch.engine;

/**
 * A reader folded into a trained model from their own ratings, without retraining: one half-step of each ALS.
 *
 * <ul>
 *   <li>Explicit: bias {@code b = Σ(r − μ − b_f) / (n + biasReg)}; factors x solve
 *       {@code (YᵀY + λ·n·I) x = Yᵀ(r − μ − b − b_f)} over the rated films with factors (ALS-WR's λ·n).</li>
 *   <li>Implicit: every rated film is watched with confidence {@code c = α} (or {@code α·score_norm} when the model
 *       was trained on rating-weighted confidence); x solves {@code (YᵀY + Σ c·y yᵀ + λ·n·I) x = Σ (1 + c)·y} with
 *       Y all films' implicit factors: Spark's implicit ALS user step for one user.</li>
 * </ul>
 * The reader is then viewed like a reviewer ({@link ReviewerView}), centred on their own mean and sd once they have
 * {@link #OWN_SPREAD_FROM} ratings, and before that on the model's expectation {@code μ + b} with the default sd.
 */
public final class ReaderProfile {
    /** Ratings from which the reader's own mean and sd describe their habits better than the model's guess. */
    static final int OWN_SPREAD_FROM = 3;

    private final int ratings;
    private final double bias;
    private final float[] factors;
    private final float[] implicit;
    private final Habits habits;

    private ReaderProfile(int ratings, double bias, float[] factors, float[] implicit, Habits habits) {
        this.ratings = ratings;
        this.bias = bias;
        this.factors = factors;
        this.implicit = implicit;
        this.habits = habits;
    }

    /** Folds in ratings (film indices and score_norm values, same length); null when nothing can be folded. */
    public static ReaderProfile fold(RankingModel model, int[] films, double[] norms) {
        if (films.length != norms.length) {
            throw new IllegalArgumentException("films and norms differ in length");
        }
        if (films.length == 0) {
            return null;
        }
        double bias = bias(model, films, norms);
        float[] factors = explicit(model, films, norms, bias);
        float[] implicit = implicit(model, films, norms);
        if (factors == null && implicit == null) {
            return null;
        }
        return new ReaderProfile(films.length, bias, factors, implicit, habits(model, films, norms, bias));
    }

    /**
     * The centre and spread of a reader's habits: their own mean and sd (floored) from {@link #OWN_SPREAD_FROM}
     * ratings, before that {@code μ + b} and {@link ReviewerView#DEFAULT_SD}. A reader is compared with reviewers, and
     * viewed like one, on {@code z = (score_norm − centre) / spread}.
     */
    public record Habits(double center, double spread) {
        public double z(double norm) {
            return (norm - center) / spread;
        }
    }

    /** The habits of a reader with these ratings (at least one). */
    public static Habits habits(RankingModel model, int[] films, double[] norms) {
        if (films.length != norms.length || films.length == 0) {
            throw new IllegalArgumentException("habits need ratings, as many films as norms");
        }
        return habits(model, films, norms, bias(model, films, norms));
    }

    private static Habits habits(RankingModel model, int[] films, double[] norms, double bias) {
        if (films.length < OWN_SPREAD_FROM) {
            return new Habits(model.globalMean() + bias, ReviewerView.DEFAULT_SD);
        }
        double mean = 0;
        for (double v : norms) {
            mean += v;
        }
        mean /= norms.length;
        double sq = 0;
        for (double v : norms) {
            sq += (v - mean) * (v - mean);
        }
        return new Habits(mean, ReviewerView.spread(Math.sqrt(sq / norms.length)));
    }

    /** The reader's bias: {@code Σ(r − μ − b_f) / (n + biasReg)}. */
    private static double bias(RankingModel model, int[] films, double[] norms) {
        double residual = 0;
        for (int i = 0; i < films.length; i++) {
            residual += norms[i] - model.globalMean() - model.films().bias()[films[i]];
        }
        return residual / (films.length + model.params().biasReg());
    }

    private static float[] explicit(RankingModel model, int[] films, double[] norms, double bias) {
        Factors ff = model.films().factors();
        int k = ff.rank();
        double[][] a = new double[k][k];
        double[] rhs = new double[k];
        int usable = 0;
        for (int i = 0; i < films.length; i++) {
            if (!ff.has(films[i])) {
                continue;
            }
            usable++;
            float[] y = ff.row(films[i]);
            double target = norms[i] - model.globalMean() - bias - model.films().bias()[films[i]];
            addOuter(a, rhs, y, 1, target);
        }
        return usable == 0 ? null : solve(a, rhs, model.params().regParam() * usable);
    }

    private static float[] implicit(RankingModel model, int[] films, double[] norms) {
        Factors yf = model.films().implicit();
        int k = yf.rank();
        double alpha = model.params().implicitAlpha();
        double[][] a = new double[k][k];
        double[][] gram = model.implicitGram();
        for (int p = 0; p < k; p++) {
            System.arraycopy(gram[p], 0, a[p], 0, k);
        }
        double[] rhs = new double[k];
        int usable = 0;
        boolean fromRatings = model.params().implicitFromRatings();
        for (int i = 0; i < films.length; i++) {
            if (yf.has(films[i])) {
                usable++;
                double c = alpha * (fromRatings ? Math.max(norms[i], RankParams.MIN_CONFIDENCE) : 1);
                addOuter(a, rhs, yf.row(films[i]), c, 1 + c);
            }
        }
        return usable == 0 ? null : solve(a, rhs, model.params().implicitReg() * usable);
    }

    /** a += w·y·yᵀ, rhs += t·y. */
    private static void addOuter(double[][] a, double[] rhs, float[] y, double w, double t) {
        for (int p = 0; p < y.length; p++) {
            rhs[p] += t * y[p];
            for (int q = 0; q < y.length; q++) {
                a[p][q] += w * y[p] * y[q];
            }
        }
    }

    private static float[] solve(double[][] a, double[] rhs, double lambda) {
        for (int p = 0; p < rhs.length; p++) {
            a[p][p] += Math.max(lambda, 1e-9);
        }
        double[] x = Cholesky.solve(a, rhs);
        float[] out = new float[x.length];
        for (int p = 0; p < x.length; p++) {
            out[p] = (float) x[p];
        }
        return out;
    }

    /** The reader's view of every film (none counts as reviewed: the reader's own films are excluded anyway). */
    public ReviewerView view(RankingModel model) {
        return ReviewerView.predicted(model, bias, factors, implicit, habits.center(), habits.spread());
    }

    /** The predicted score_norm of a film for this reader, NaN when the film or the reader has no factors. */
    public double predictedNorm(RankingModel model, int film) {
        return factors != null && model.films().factors().has(film) ? model.predict(bias, factors, film) : Double.NaN;
    }

    public int ratings() {
        return ratings;
    }

    public double bias() {
        return bias;
    }

    public Habits habits() {
        return habits;
    }

    /** Explicit factors (a copy), null when none of the rated films had factors. */
    public float[] factors() {
        return factors == null ? null : factors.clone();
    }

    /** Implicit factors (a copy), null when none of the rated films had implicit factors. */
    public float[] implicitFactors() {
        return implicit == null ? null : implicit.clone();
    }
}
