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
        return of(model, reviewer, null);
    }

    /**
     * Known reviewer R's view of every film from R's {@link Dots} (null: computed here): the same view as
     * {@link #of(RankingModel, int)}. The dot products are most of a view's work and do not depend on the blend's
     * weights, so a caller ranking one reviewer under several weights computes them once.
     *
     * @throws IllegalArgumentException when {@code dots} are another reviewer's or another model's factors'
     */
    public static ReviewerView of(RankingModel model, int reviewer, Dots dots) {
        if (dots != null && (dots.reviewer != reviewer || dots.filmFactors != model.films().factors()
                || dots.filmImplicit != model.films().implicit())) {
            throw new IllegalArgumentException("dot products of reviewer " + dots.reviewer + " on other factors, not "
                    + reviewer + "'s on this model's");
        }
        Source source = Source.of(model, reviewer);
        ReviewerView view = predicted(model, source.bias, source.factors, source.implicit, source.center, source.sd,
                dots == null ? null : dots.explicit, dots == null ? null : dots.implicit);
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
        return predicted(model, bias, factors, implicit, center, sd, null, null);
    }

    /** {@code dotE}, {@code dotI}: the factors' dot products with every film when already known, else null. */
    private static ReviewerView predicted(RankingModel model, double bias, float[] factors, float[] implicit,
                                          double center, double sd, float[] dotE, float[] dotI) {
        int n = model.filmCount();
        float[] values = new float[n];
        float[] z = new float[n];
        byte[] kind = new byte[n];
        // Every film's dot products first, four films at a time (Factors.dotAll: the floats Factors.dot gives), into
        // the arrays the cells then replace film by film (each film's sums read before its cell is written).
        Factors explicitFilms = model.films().factors();
        Factors implicitFilms = model.films().implicit();
        float[] sumI = null;
        float[] sumE = null;
        if (implicit != null) {
            sumI = dotI != null ? dotI : values;
            if (dotI == null) {
                implicitFilms.dotAll(implicit, values);
            }
        }
        if (factors != null) {
            sumE = dotE != null ? dotE : z;
            if (dotE == null) {
                explicitFilms.dotAll(factors, z);
            }
        }
        RankParams p = model.params();
        for (int f = 0; f < n; f++) {
            double watch = sumI != null && implicitFilms.has(f) ? sumI[f] : Double.NaN;
            double predicted = sumE != null && explicitFilms.has(f) ? model.predict(bias, f, sumE[f]) : Double.NaN;
            values[f] = Float.NaN;
            z[f] = Float.NaN;
            cell(p, watch, predicted, center, sd, values, z, kind, f);
        }
        return new ReviewerView(values, z, kind);
    }

    /** The implicit score of film f for a reviewer's implicit factors, NaN when either side has none. */
    private static double watch(RankingModel model, float[] implicit, int f) {
        Factors implicitFilms = model.films().implicit();
        return implicit != null && implicitFilms.has(f) ? implicitFilms.dot(f, implicit) : Double.NaN;
    }

    /** The predicted score_norm of film f for a reviewer's bias and factors, NaN when either side has no factors. */
    private static double predicted(RankingModel model, double bias, float[] factors, int f) {
        return factors != null && model.films().factors().has(f) ? model.predict(bias, factors, f) : Double.NaN;
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
        double watchPart = watchPart(p, watch);
        double zf = Double.isNaN(predicted) ? Double.NaN : (predicted - center) / sd;
        double ratingPart = ratingPart(p, zf);
        values[at] = (float) (watchPart + ratingPart);
        z[at] = (float) zf;
        kind[at] = watchPart > ratingPart ? WATCHED : PREDICTED;
    }

    /** What {@link #cell} leaves in {@code values[at]}, the same float, NaN when both parts are (no z, no kind). */
    static float value(RankParams p, double watch, double predicted, double center, double sd) {
        if (Double.isNaN(watch) && Double.isNaN(predicted)) {
            return Float.NaN;
        }
        double zf = Double.isNaN(predicted) ? Double.NaN : (predicted - center) / sd;
        return (float) (watchPart(p, watch) + ratingPart(p, zf));
    }

    private static double watchPart(RankParams p, double watch) {
        return Double.isNaN(watch) ? 0 : p.implicitWeight() * watch;
    }

    private static double ratingPart(RankParams p, double zf) {
        return Double.isNaN(zf) ? 0 : p.ratingWeight() * zf;
    }

    /** Overrides cell {@code at} with a reviewer's own score_norm {@code norm} of the film, unless it is NaN. */
    static void reviewed(RankParams p, float norm, double center, double sd, float[] values, float[] z, byte[] kind,
                         int at) {
        if (!Float.isNaN(norm)) {
            float zf = reviewedZ(norm, center, sd);
            z[at] = zf;
            values[at] = reviewedValue(p, zf);
            kind[at] = zf < 0 ? NONE : REVIEWED;
        }
    }

    /** What {@link #reviewed} leaves in a cell's value: {@code value}, or the reviewed value when norm is a score. */
    static float reviewedOr(RankParams p, float norm, double center, double sd, float value) {
        return Float.isNaN(norm) ? value : reviewedValue(p, reviewedZ(norm, center, sd));
    }

    private static float reviewedZ(float norm, double center, double sd) {
        return (float) ((norm - center) / sd);
    }

    /** The value of a reviewed film of enthusiasm {@code zf}: NaN below the reviewer's mean. */
    private static float reviewedValue(RankParams p, float zf) {
        return zf < 0 ? Float.NaN : (float) (p.implicitWeight() + p.ratingWeight() * zf);
    }

    /**
     * A known reviewer's dot products with every film, on each side R has factors on (null for a side R has none):
     * the part of R's views that is the same whatever the blend's weights, for {@link #of(RankingModel, int, Dots)}.
     */
    public static final class Dots {
        private final int reviewer;
        private final Factors filmFactors;
        private final Factors filmImplicit;
        private final float[] explicit;
        private final float[] implicit;

        private Dots(int reviewer, Factors filmFactors, Factors filmImplicit, float[] explicit, float[] implicit) {
            this.reviewer = reviewer;
            this.filmFactors = filmFactors;
            this.filmImplicit = filmImplicit;
            this.explicit = explicit;
            this.implicit = implicit;
        }

        /** R's dot products on {@code model}'s factors (and on any model sharing them, whatever its weights). */
        public static Dots of(RankingModel model, int reviewer) {
            RankingModel.ReviewerArrays rs = model.reviewers();
            Factors fe = model.films().factors();
            Factors fi = model.films().implicit();
            float[] explicit = null;
            float[] implicit = null;
            if (rs.factors().has(reviewer)) {
                explicit = new float[model.filmCount()];
                fe.dotAll(rs.factors().row(reviewer), explicit);
            }
            if (rs.implicit().has(reviewer)) {
                implicit = new float[model.filmCount()];
                fi.dotAll(rs.implicit().row(reviewer), implicit);
            }
            return new Dots(reviewer, fe, fi, explicit, implicit);
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
        /**
         * R's opinions by film, open addressing: {@code reviewedFilm[p]} a film R has an opinion of (or -1 for an empty
         * slot), {@code reviewedAt[p]} that opinion's position. Most films met in a merge were not reviewed by R, and
         * an empty slot settles that in one read of a small array instead of a binary search among R's opinions.
         */
        private final int[] reviewedFilm;
        private final int[] reviewedAt;
        private final int shift;

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
            if (dense != null) {
                // cells come from the view: no index needed
                this.reviewedFilm = null;
                this.reviewedAt = null;
                this.shift = 0;
                return;
            }
            RankingModel.OpinionArrays o = model.opinions();
            int from = o.start()[reviewer];
            int to = o.start()[reviewer + 1];
            int slots = Integer.highestOneBit(Math.max(16, 4 * (to - from)) * 2 - 1); // at most a quarter full
            this.shift = 32 - Integer.numberOfTrailingZeros(slots);
            this.reviewedFilm = new int[slots];
            this.reviewedAt = new int[slots];
            Arrays.fill(reviewedFilm, -1);
            for (int i = from; i < to; i++) {
                int f = o.film()[i];
                int p = slot(f);
                while (reviewedFilm[p] >= 0 && reviewedFilm[p] != f) {
                    p = (p + 1) & (slots - 1);
                }
                // R's last opinion of f with a score counts, as in the dense view, where each one overrides the last
                if (reviewedFilm[p] < 0 || !Float.isNaN(o.norm()[i])) {
                    reviewedFilm[p] = f;
                    reviewedAt[p] = i;
                }
            }
        }

        private int slot(int film) {
            return (film * 0x9E3779B9) >>> shift;
        }

        /** Position of R's opinion of film f, or -1 (the same as {@link RankingModel#find}). */
        private int opinionOf(int f) {
            int mask = reviewedFilm.length - 1;
            for (int p = slot(f); ; p = (p + 1) & mask) {
                int g = reviewedFilm[p];
                if (g == f) {
                    return reviewedAt[p];
                }
                if (g < 0) {
                    return -1;
                }
            }
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
            fromParts(f, watch(model, implicit, f), predicted(model, bias, factors, f), values, z, kind, at);
        }

        /** R's cell of film f from its two parts (NaN where unknown), R's own opinion of f over it when R has one. */
        private void fromParts(int f, double watch, double predicted, float[] values, float[] z, byte[] kind, int at) {
            values[at] = Float.NaN;
            z[at] = Float.NaN;
            kind[at] = NONE;
            ReviewerView.cell(model.params(), watch, predicted, center, sd, values, z, kind, at);
            int i = opinionOf(f);
            if (i >= 0) {
                reviewed(i, at, values, z, kind);
            }
        }

        /** What {@link #fromParts} leaves in {@code values[at]}, the same float, without z and kind. */
        private float valueFromParts(int f, double watch, double predicted) {
            int i = opinionOf(f);
            float norm = i >= 0 ? model.opinions().norm()[i] : Float.NaN;
            if (!Float.isNaN(norm)) {
                return reviewedValue(model.params(), reviewedZ(norm, center, sd));
            }
            return ReviewerView.value(model.params(), watch, predicted, center, sd);
        }

        /**
         * The cells of film {@code f} for each of {@code sources} into {@code values/z/kind[i]}: what {@link #cell}
         * gives for each, float for float, with the sources' dot products on the film's rows computed together
         * ({@link Factors#dots}). {@code scratch} holds the work arrays of one caller (one request).
         */
        public static void cells(Source[] sources, int f, float[] values, float[] z, byte[] kind, Scratch scratch) {
            RankingModel model = sources[0].model;
            Factors explicitFilms = model.films().factors();
            Factors implicitFilms = model.films().implicit();
            boolean hasExplicit = explicitFilms.has(f);
            boolean hasImplicit = implicitFilms.has(f);
            int ne = 0;
            int ni = 0;
            for (Source s : sources) {
                if (s.dense == null && hasExplicit && s.factors != null) {
                    scratch.explicitRows[ne++] = s.factors;
                }
                if (s.dense == null && hasImplicit && s.implicit != null) {
                    scratch.implicitRows[ni++] = s.implicit;
                }
            }
            if (ne > 0) {
                explicitFilms.dots(f, scratch.explicitRows, ne, scratch.explicitDots);
            }
            if (ni > 0) {
                implicitFilms.dots(f, scratch.implicitRows, ni, scratch.implicitDots);
            }
            int e = 0;
            int w = 0;
            for (int i = 0; i < sources.length; i++) {
                Source s = sources[i];
                if (s.dense != null) {
                    s.cell(f, values, z, kind, i);
                    continue;
                }
                double watch = hasImplicit && s.implicit != null ? scratch.implicitDots[w++] : Double.NaN;
                double predicted = hasExplicit && s.factors != null
                        ? model.predict(s.bias, f, scratch.explicitDots[e++]) : Double.NaN;
                s.fromParts(f, watch, predicted, values, z, kind, i);
            }
        }

        /**
         * The cells of a batch of scattered films for each of a trust set's sources: what {@link #cell} gives, float
         * for float, with each source's dot products on the batch's factor rows computed as one vectorised loop
         * ({@link FilmBlock}) instead of one dot product after another. Film {@code j}'s value for source {@code i} is
         * at {@code j * sources + i} of {@link #values} (the merge needs no z or kind until it explains its top films,
         * which {@link #cells} then computes). One per request.
         */
        static final class Batch {
            private final Source[] sources;
            private final FilmBlock explicit;
            private final FilmBlock implicit;
            private final float[] explicitDots;
            private final float[] implicitDots;
            final float[] values;

            Batch(Source[] sources, int films) {
                RankingModel model = sources[0].model;
                this.sources = sources;
                this.explicit = new FilmBlock(model.films().factors(), films);
                this.implicit = new FilmBlock(model.films().implicit(), films);
                this.explicitDots = new float[films];
                this.implicitDots = new float[films];
                this.values = new float[films * sources.length];
            }

            /** Most films one batch holds. */
            int capacity() {
                return explicitDots.length;
            }

            /** Computes the values of {@code films[0 .. n - 1]} ({@code n ≤ capacity()}). */
            void compute(int[] films, int n) {
                explicit.load(films, n);
                implicit.load(films, n);
                int m = sources.length;
                for (int i = 0; i < m; i++) {
                    Source s = sources[i];
                    if (s.dense != null) {
                        for (int j = 0; j < n; j++) {
                            values[j * m + i] = s.dense.values[films[j]];
                        }
                        continue;
                    }
                    if (s.factors != null) {
                        explicit.dots(s.factors, explicitDots);
                    }
                    if (s.implicit != null) {
                        implicit.dots(s.implicit, implicitDots);
                    }
                    RankingModel model = s.model;
                    for (int j = 0; j < n; j++) {
                        int f = films[j];
                        double watch = s.implicit != null && implicit.has(j) ? implicitDots[j] : Double.NaN;
                        double predicted = s.factors != null && explicit.has(j)
                                ? model.predict(s.bias, f, explicitDots[j]) : Double.NaN;
                        values[j * m + i] = s.valueFromParts(f, watch, predicted);
                    }
                }
            }
        }

        /** Work arrays for {@link #cells}, sized for a number of sources. */
        public static final class Scratch {
            private final float[][] explicitRows;
            private final float[][] implicitRows;
            private final float[] explicitDots;
            private final float[] implicitDots;

            public Scratch(int sources) {
                explicitRows = new float[sources][];
                implicitRows = new float[sources][];
                explicitDots = new float[sources];
                implicitDots = new float[sources];
            }
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
