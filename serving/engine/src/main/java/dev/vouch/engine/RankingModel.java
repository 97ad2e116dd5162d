package dev.vouch.engine;

/**
 * Everything the engine ranks with, as flat arrays indexed by dense reviewer and film indices. Serving builds one
 * from the published Parquet tables; the evaluator builds one from a fold's fitted model. Immutable once built:
 * callers hand over their arrays and must not modify them afterwards.
 *
 * <p>The rating model is {@code μ + b_reviewer + b_film + p·q} in normalised units ({@code score / scale_max}),
 * clamped to [0, 1] ({@link #predict}); it is written here once.
 */
public final class RankingModel {
    /**
     * Per reviewer: learned bias, mean and population sd of their scores (NaN without scores), explicit factors and
     * implicit (who-watched-what) factors.
     */
    public record ReviewerArrays(float[] bias, double[] mean, double[] sd, Factors factors, Factors implicit) {
        public ReviewerArrays {
            int n = bias.length;
            if (mean.length != n || sd.length != n || factors.size() != n || implicit.size() != n) {
                throw new IllegalArgumentException("reviewer columns differ in length");
            }
        }
    }

    /** Per film: learned bias, scored opinions in training, explicit and implicit factors. */
    public record FilmArrays(float[] bias, int[] nRatings, Factors factors, Factors implicit) {
        public FilmArrays {
            int n = bias.length;
            if (nRatings.length != n || factors.size() != n || implicit.size() != n) {
                throw new IllegalArgumentException("film columns differ in length");
            }
        }
    }

    /**
     * Every reviewer's opinions, grouped by reviewer: those of reviewer r are positions {@code start[r]} to
     * {@code start[r+1]-1}, films ascending; {@code norm} is score_norm, NaN for an opinion without a score.
     */
    public record OpinionArrays(int[] start, int[] film, float[] norm) {
        public OpinionArrays {
            if (film.length != norm.length || start.length == 0 || start[start.length - 1] != film.length) {
                throw new IllegalArgumentException("opinion columns are inconsistent");
            }
        }
    }

    private final double globalMean;
    private final RankParams params;
    private final ReviewerArrays reviewers;
    private final FilmArrays films;
    private final OpinionArrays opinions;
    private final float[] prior;
    private final float maxPrior;
    private final double[][] implicitGram;
    private final FilmOpinions byFilm;

    public RankingModel(double globalMean, RankParams params, ReviewerArrays reviewers, FilmArrays films,
                        OpinionArrays opinions) {
        if (opinions.start().length != reviewers.bias().length + 1) {
            throw new IllegalArgumentException("opinions must have one group per reviewer");
        }
        this.globalMean = globalMean;
        this.params = params;
        this.reviewers = reviewers;
        this.films = films;
        this.opinions = opinions;
        this.prior = new float[films.bias().length];
        float max = 0;
        for (int f = 0; f < prior.length; f++) {
            prior[f] = (float) Math.log1p(films.nRatings()[f]);
            max = Math.max(max, prior[f]);
        }
        this.maxPrior = max;
        this.implicitGram = films.implicit().gram();
        this.byFilm = FilmOpinions.of(this);
    }

    private RankingModel(RankingModel m, RankParams params) {
        this.globalMean = m.globalMean;
        this.params = params;
        this.reviewers = m.reviewers;
        this.films = m.films;
        this.opinions = m.opinions;
        this.prior = m.prior;
        this.maxPrior = m.maxPrior;
        this.implicitGram = m.implicitGram;
        this.byFilm = m.byFilm;
    }

    /**
     * This model ranking with other weights: its arrays and what is derived from them (priors, the implicit Gram
     * matrix, the opinions by film, none of which depends on the weights) are shared, not computed again.
     */
    public RankingModel withParams(RankParams params) {
        return new RankingModel(this, params);
    }

    /** The centre of a known reviewer's habits: their own mean, or {@code μ + bias} without scores. */
    public double center(int reviewer) {
        double mean = reviewers.mean()[reviewer];
        return Double.isNaN(mean) ? globalMean + reviewers.bias()[reviewer] : mean;
    }

    /** The spread of a known reviewer's habits: their own sd (floored), or {@link ReviewerView#DEFAULT_SD}. */
    public double spread(int reviewer) {
        return ReviewerView.spread(reviewers.sd()[reviewer]);
    }

    /** The scored opinions indexed by film, with each opinion's z on its reviewer's habits (built once, here). */
    public FilmOpinions byFilm() {
        return byFilm;
    }

    /**
     * The predicted score_norm of a reviewer known by bias and factors (null: none) for a film, clamped to [0, 1].
     * The factor term counts only when both sides have factors; otherwise this is the biases' prediction.
     */
    public double predict(double reviewerBias, float[] reviewerFactors, int film) {
        double dot = reviewerFactors != null && films.factors().has(film) ? films.factors().dot(film, reviewerFactors)
                : 0;
        return predict(reviewerBias, film, dot);
    }

    /** {@link #predict(double, float[], int)} from the factor term already computed ({@code dot}, 0 without one). */
    double predict(double reviewerBias, int film, double dot) {
        return clamp01(globalMean + reviewerBias + films.bias()[film] + dot);
    }

    /** A known reviewer's predicted score_norm for a film ({@link #predict(double, float[], int)}). */
    public double predict(int reviewer, int film) {
        Factors rf = reviewers.factors();
        double dot = rf.has(reviewer) && films.factors().has(film) ? films.factors().dot(film, rf, reviewer) : 0;
        return clamp01(globalMean + reviewers.bias()[reviewer] + films.bias()[film] + dot);
    }

    /** The biases-only prediction (the "biases" baseline): {@code μ + b_reviewer + b_film}, clamped. */
    public double predictBiases(int reviewer, int film) {
        return clamp01(globalMean + reviewers.bias()[reviewer] + films.bias()[film]);
    }

    /** {@code Math.max(0, Math.min(1, v))} to the bit (NaN stays NaN, −0 becomes 0), as two compares. */
    static double clamp01(double v) {
        return v <= 0 ? 0.0 : v >= 1 ? 1.0 : v;
    }

    public double globalMean() {
        return globalMean;
    }

    public RankParams params() {
        return params;
    }

    public ReviewerArrays reviewers() {
        return reviewers;
    }

    public FilmArrays films() {
        return films;
    }

    public OpinionArrays opinions() {
        return opinions;
    }

    public int filmCount() {
        return prior.length;
    }

    public int reviewerCount() {
        return reviewers.bias().length;
    }

    /** log(1 + training ratings) of every film; callers must not modify it. */
    float[] prior() {
        return prior;
    }

    /** The largest {@link #prior()} value (0 without films): a bound for rankers that skip films. */
    double maxPrior() {
        return maxPrior;
    }

    /** YᵀY over the films' implicit factors (the implicit fold-in's shared term); callers must not modify it. */
    double[][] implicitGram() {
        return implicitGram;
    }

    /** Position of (reviewer, film) among the opinions, or -1. */
    public int find(int reviewer, int film) {
        int lo = opinions.start()[reviewer];
        int hi = opinions.start()[reviewer + 1] - 1;
        int[] f = opinions.film();
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (f[mid] < film) {
                lo = mid + 1;
            } else if (f[mid] > film) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Rough heap use of the engine's own structures (the arrays handed in belong to the caller's count). */
    public long bytes() {
        return prior.length * 4L + (long) implicitGram.length * implicitGram.length * 8 + byFilm.bytes();
    }
}
