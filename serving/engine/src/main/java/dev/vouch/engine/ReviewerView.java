package dev.vouch.engine;

import java.util.Arrays;

/**
 * What one source (a known reviewer R, or a reader folded in) thinks of every film, on one scale:
 * {@code implicitWeight · watch + ratingWeight · z} ({@link RankParams}).
 *
 * <ul>
 *   <li>Films R scored at or above R's own mean: {@code watch = 1} (R watched it) and
 *       {@code z = (score_norm − mean) / max(sd, SD_FLOOR)}; kind {@link #REVIEWED}. A film R scored below their
 *       mean has no value: R does not vouch for it, and a watch alone must not bring it back.</li>
 *   <li>Other films: {@code watch} is the implicit model's {@code x_R · y_f} and z the explicit model's prediction
 *       (clamped to [0, 1]) on the same scale; a missing part counts 0, and a film with neither is NaN. Kind
 *       {@link #WATCHED} when the watch term is the larger contribution ("readers like R watched it"), else
 *       {@link #PREDICTED}.</li>
 * </ul>
 * R's mean and sd are R's own; without them, {@code μ + bias} and {@link #DEFAULT_SD}.
 */
public final class ReviewerView {
    public static final byte NONE = 0;
    public static final byte REVIEWED = 1;
    public static final byte PREDICTED = 2;
    public static final byte WATCHED = 3;
    /** Floor under a reviewer's standard deviation, so a reviewer who always gives 7 does not explode z. */
    public static final double SD_FLOOR = 0.05;
    /** Standard deviation assumed for a reviewer (or reader) whose own is unknown. */
    public static final double DEFAULT_SD = 0.2;

    private final float[] values;
    private final float[] z;
    private final byte[] kind;

    private ReviewerView(float[] values, float[] z, byte[] kind) {
        this.values = values;
        this.z = z;
        this.kind = kind;
    }

    /** Known reviewer R's view of every film. */
    public static ReviewerView of(RankingModel model, int reviewer) {
        Source source = Source.of(model, reviewer);
        ReviewerView view = predicted(model, source.bias, source.factors, source.implicit, source.center, source.sd);
        RankingModel.OpinionArrays o = model.opinions();
        for (int i = o.start()[reviewer]; i < o.start()[reviewer + 1]; i++) {
            source.reviewed(i, o.film()[i], view.values, view.z, view.kind);
        }
        return view;
    }

    /**
     * The view of a source known only by bias and factors (either may be null): every film predicted, none reviewed.
     */
    static ReviewerView predicted(RankingModel model, double bias, float[] factors, float[] implicit, double center,
                                  double sd) {
        int n = model.filmCount();
        float[] values = new float[n];
        float[] z = new float[n];
        byte[] kind = new byte[n];
        Arrays.fill(values, Float.NaN);
        Arrays.fill(z, Float.NaN);
        for (int f = 0; f < n; f++) {
            predict(model, bias, factors, implicit, center, sd, f, values, z, kind, f);
        }
        return new ReviewerView(values, z, kind);
    }

    /**
     * One film's prediction into {@code values/z/kind[at]} (left as they are when neither model knows the film). The
     * dense view and {@link Source#cell} both go through here, so a film's value is the same float either way.
     */
    private static void predict(RankingModel model, double bias, float[] factors, float[] implicit, double center,
                                double sd, int f, float[] values, float[] z, byte[] kind, int at) {
        Factors implicitFilms = model.films().implicit();
        double watch = implicit != null && implicitFilms.has(f) ? implicitFilms.dot(f, implicit) : Double.NaN;
        double predicted = factors != null && model.films().factors().has(f) ? model.predict(bias, factors, f)
                : Double.NaN;
        cell(model.params(), watch, predicted, center, sd, values, z, kind, at);
    }

    /**
     * A predicted cell from its two parts, either NaN when its model does not know the film: the implicit score
     * {@code watch} and the predicted score_norm. Left as it is when both are NaN. Every ranker computes cells here.
     */
    static void cell(RankParams p, double watch, double predicted, double center, double sd, float[] values,
                     float[] z, byte[] kind, int at) {
        if (Double.isNaN(watch) && Double.isNaN(predicted)) {
            return;
        }
        double watchPart = Double.isNaN(watch) ? 0 : p.implicitWeight() * watch;
        double zf = Double.isNaN(predicted) ? Double.NaN : (predicted - center) / sd;
        double ratingPart = Double.isNaN(zf) ? 0 : p.ratingWeight() * zf;
        values[at] = (float) (watchPart + ratingPart);
        z[at] = (float) zf;
        kind[at] = watchPart > ratingPart ? WATCHED : PREDICTED;
    }

    /** Overrides cell {@code at} with a reviewer's own score_norm {@code norm} of the film, unless it is NaN. */
    static void reviewed(RankParams p, float norm, double center, double sd, float[] values, float[] z, byte[] kind,
                         int at) {
        if (!Float.isNaN(norm)) {
            float zf = (float) ((norm - center) / sd);
            z[at] = zf;
            values[at] = zf < 0 ? Float.NaN : (float) (p.implicitWeight() + p.ratingWeight() * zf);
            kind[at] = zf < 0 ? NONE : REVIEWED;
        }
    }

    /**
     * A known reviewer's view one film at a time, without the dense arrays: what {@link #of} holds at a film, for
     * rankers that look at a few films of a large catalogue ({@link TopList}).
     */
    public static final class Source {
        private final RankingModel model;
        private final int reviewer;
        private final double bias;
        private final float[] factors;
        private final float[] implicit;
        private final double center;
        private final double sd;
        private final ReviewerView dense;

        private Source(RankingModel model, int reviewer, ReviewerView dense) {
            RankingModel.ReviewerArrays rs = model.reviewers();
            this.model = model;
            this.reviewer = reviewer;
            this.bias = rs.bias()[reviewer];
            this.factors = rs.factors().has(reviewer) ? rs.factors().row(reviewer) : null;
            this.implicit = rs.implicit().has(reviewer) ? rs.implicit().row(reviewer) : null;
            this.center = model.center(reviewer);
            this.sd = model.spread(reviewer);
            this.dense = dense;
        }

        public static Source of(RankingModel model, int reviewer) {
            return new Source(model, reviewer, null);
        }

        /** R's cells read from R's dense view ({@link #of(RankingModel, int)} at hand): the same values, faster. */
        public static Source of(RankingModel model, int reviewer, ReviewerView view) {
            return new Source(model, reviewer, view);
        }

        /** R's value, z and kind of film f into {@code values/z/kind[at]} (NaN, NaN, NONE when R has no view). */
        public void cell(int f, float[] values, float[] z, byte[] kind, int at) {
            if (dense != null) {
                values[at] = dense.values[f];
                z[at] = dense.z[f];
                kind[at] = dense.kind[f];
                return;
            }
            values[at] = Float.NaN;
            z[at] = Float.NaN;
            kind[at] = NONE;
            predict(model, bias, factors, implicit, center, sd, f, values, z, kind, at);
            int i = model.find(reviewer, f);
            if (i >= 0) {
                reviewed(i, at, values, z, kind);
            }
        }

        /**
         * Film f's cell of every source into {@code values/z/kind[i]}: what {@link #cell} gives for each, computed
         * together. The sources without a dense view have their dot products summed side by side, four at a time,
         * each in {@link Factors#dot}'s own order (the same floats), so that one sum's additions do not wait on
         * another's: a trust set's cells cost about a quarter of one source after another.
         */
        public static void cells(Source[] sources, int f, float[] values, float[] z, byte[] kind) {
            int m = sources.length;
            if (m == 0) {
                return;
            }
            RankingModel model = sources[0].model;
            Factors implicitFilms = model.films().implicit();
            Factors explicitFilms = model.films().factors();
            boolean implicit = implicitFilms.has(f);
            boolean explicit = explicitFilms.has(f);
            float[] watch = new float[m];
            float[] dot = new float[m];
            for (int g = 0; g < m; g += 4) {
                if (implicit) {
                    dots(implicitFilms, f, sources, g, true, watch);
                }
                if (explicit) {
                    dots(explicitFilms, f, sources, g, false, dot);
                }
            }
            RankParams p = model.params();
            for (int i = 0; i < m; i++) {
                Source s = sources[i];
                if (s.dense != null) {
                    s.cell(f, values, z, kind, i);
                    continue;
                }
                values[i] = Float.NaN;
                z[i] = Float.NaN;
                kind[i] = NONE;
                double w = s.implicit != null && implicit ? watch[i] : Double.NaN;
                double predicted = s.factors != null && explicit ? model.predict(s.bias, f, dot[i]) : Double.NaN;
                ReviewerView.cell(p, w, predicted, s.center, s.sd, values, z, kind, i);
                int o = model.find(s.reviewer, f);
                if (o >= 0) {
                    s.reviewed(o, i, values, z, kind);
                }
            }
        }

        /** sums[g..g+3] = film row f · the sources' rows (implicit or explicit), four independent sums. */
        private static void dots(Factors films, int f, Source[] sources, int g, boolean implicit, float[] sums) {
            int rank = films.rank();
            float[] a = row(sources, g, implicit, rank);
            float[] b = row(sources, g + 1, implicit, rank);
            float[] c = row(sources, g + 2, implicit, rank);
            float[] d = row(sources, g + 3, implicit, rank);
            float[] v = films.values();
            int base = f * rank;
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            for (int k = 0; k < rank; k++) {
                float x = v[base + k];
                s0 += x * a[k];
                s1 += x * b[k];
                s2 += x * c[k];
                s3 += x * d[k];
            }
            float[] out = {s0, s1, s2, s3};
            for (int j = 0; j < 4 && g + j < sources.length; j++) {
                sums[g + j] = out[j];
            }
        }

        /** Source i's factors of one kind, or zeros (rank long) when it has none, is past the end or is dense. */
        private static float[] row(Source[] sources, int i, boolean implicit, int rank) {
            float[] r = i < sources.length && sources[i].dense == null
                    ? (implicit ? sources[i].implicit : sources[i].factors) : null;
            return r != null && r.length >= rank ? r : new float[rank];
        }

        /** Overrides cell {@code at} with R's own score of opinion i, when it has one. */
        private void reviewed(int i, int at, float[] values, float[] z, byte[] kind) {
            ReviewerView.reviewed(model.params(), model.opinions().norm()[i], center, sd, values, z, kind, at);
        }
    }

    static double spread(double sd) {
        return Double.isNaN(sd) ? DEFAULT_SD : Math.max(sd, SD_FLOOR);
    }

    /** The blended values, one per film (NaN where no view). Callers must not modify the array. */
    public float[] values() {
        return values;
    }

    /** The enthusiasm z for a film (real or predicted), NaN when unknown. */
    public float z(int film) {
        return z[film];
    }

    /** {@link #REVIEWED}, {@link #PREDICTED}, {@link #WATCHED} or {@link #NONE}. */
    public byte kind(int film) {
        return kind[film];
    }

    /** Heap taken by this view. */
    public long bytes() {
        return values.length * 9L;
    }
}
