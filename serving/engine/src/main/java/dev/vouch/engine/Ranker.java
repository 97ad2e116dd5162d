package dev.vouch.engine;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The one ranking that serving answers with and the evaluator scores. A request names trusted reviewers (with
 * weights), the reader's own ratings (folded in), films already seen, and how many films to return; the answer is the
 * best films by
 * <pre>score(f) = popularityWeight · log(1 + n_f) + (Σᵢ wᵢ·viewᵢ(f) + w_reader·view_reader(f)) / (Σᵢ wᵢ + w_reader)</pre>
 * where a source without a view of f adds 0 but still counts in the denominator (a film several trusted reviewers
 * back beats one backed by a single one). A film no source has a view of, or whose score is not above 0 (nobody
 * backs it), is not returned: the caller's fallbacks fill the list. The reader weighs
 * {@code W · n / personalHalf}, W the total trusted weight (1 when nobody is trusted) and n the reader's ratings.
 * Films rated by the reader or seen are never returned. Ties go to the lower film index.
 */
public final class Ranker {
    private Ranker() {
    }

    /**
     * One request, in the model's dense indices.
     *
     * @param trusted    reviewer indices; weights[i] &gt; 0 is the weight of trusted[i]
     * @param ratedFilms the reader's rated films; ratedNorms their score_norm values
     * @param seen       films to leave out
     * @param limit      at most this many films, ≥ 1
     */
    public record Request(int[] trusted, double[] weights, int[] ratedFilms, double[] ratedNorms, int[] seen,
                          int limit) {
        /** Most trusted reviewers one request may name (the API refuses more). */
        public static final int MAX_TRUSTED = 50;
        /** Most ratings one request may fold in (the API refuses more; the evaluator samples down to it). */
        public static final int MAX_RATINGS = 500;

        public Request {
            if (trusted.length != weights.length || ratedFilms.length != ratedNorms.length) {
                throw new IllegalArgumentException("trusted/weights or ratedFilms/ratedNorms differ in length");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, was " + limit);
            }
            for (double w : weights) {
                if (!(w > 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("trusted weights must be finite and > 0, was " + w);
                }
            }
            trusted = trusted.clone();
            weights = weights.clone();
            ratedFilms = ratedFilms.clone();
            ratedNorms = ratedNorms.clone();
            seen = seen.clone();
        }

        /** "I trust R": R alone, nothing seen. */
        public static Request trusting(int reviewer, int limit) {
            return new Request(new int[] {reviewer}, new double[] {1}, new int[0], new double[0], new int[0], limit);
        }
    }

    /**
     * The ranked films, best first, with each film's score, the source that contributed most ({@code source[i]} is
     * an index into the request's trusted list, or -1 for the reader) and that source's {@link ReviewerView} kind.
     * {@code reader} is the folded-in reader, null without ratings.
     */
    public record Ranking(int[] films, float[] scores, int[] source, byte[] kind, ReaderProfile reader) {
    }

    /**
     * Ranks for a request.
     *
     * @param views  a known reviewer's view (serving passes its per-model cache; {@link ReviewerView#of} otherwise)
     * @param accept further filters (genre, years…); films failing it are skipped
     */
    public static Ranking rank(RankingModel model, IntFunction<ReviewerView> views, Request request,
                               IntPredicate accept) {
        ReaderProfile reader = ReaderProfile.fold(model, request.ratedFilms(), request.ratedNorms());
        int sources = request.trusted().length + (reader == null ? 0 : 1);
        if (sources == 0) {
            return new Ranking(new int[0], new float[0], new int[0], new byte[0], null);
        }
        ReviewerView[] v = new ReviewerView[sources];
        double[] w = new double[sources];
        double trustedWeight = 0;
        for (int i = 0; i < request.trusted().length; i++) {
            v[i] = views.apply(request.trusted()[i]);
            w[i] = request.weights()[i];
            trustedWeight += w[i];
        }
        if (reader != null) {
            v[sources - 1] = reader.view(model);
            w[sources - 1] = (trustedWeight > 0 ? trustedWeight : 1) * reader.ratings() / model.params().personalHalf();
        }
        float[] score = blend(model, v, w);
        BitSet excluded = excluded(model, request);
        int[] top = TopK.select(score, request.limit(), 0f,
                f -> !excluded.get(f) && accept.test(f));
        float[] scores = new float[top.length];
        int[] source = new int[top.length];
        byte[] kind = new byte[top.length];
        for (int i = 0; i < top.length; i++) {
            int f = top[i];
            scores[i] = score[f];
            int best = strongest(v, w, f);
            source[i] = reader != null && best == sources - 1 ? -1 : best;
            kind[i] = v[best].kind(f);
        }
        return new Ranking(top, scores, source, kind, reader);
    }

    /**
     * Films above which a trust set whose lists run out is answered from the films on the lists (see
     * {@link #rank(RankingModel, IntFunction, IntFunction, Request, IntPredicate)}); at or below it, from every film.
     */
    public static final int EXACT_FILMS = 200_000;

    /**
     * The same ranking as {@link #rank(RankingModel, IntFunction, Request, IntPredicate)}, answered from the trusted
     * reviewers' {@link TopList}s when the request has no ratings to fold in: one reviewer's list is walked in order;
     * several are merged by the threshold algorithm (Fagin, Lotem and Naor), each film met scored exactly from the
     * reviewers' factors and opinions ({@link ReviewerView.Source}), stopping once no film below the lists' current
     * depth can enter the top. Both give the very films, scores, sources and kinds of the dense ranking. When the lists
     * run out first, the dense ranking answers, except above {@link #EXACT_FILMS} films, where the best of the films on
     * the lists do (a dense pass there costs a full scan of the catalogue per trusted reviewer).
     *
     * @param lists a known reviewer's list (serving's cache), or null (for the function or a reviewer) to rank densely
     */
    public static Ranking rank(RankingModel model, IntFunction<ReviewerView> views, IntFunction<TopList> lists,
                               Request request, IntPredicate accept) {
        if (lists != null && request.ratedFilms().length == 0 && request.trusted().length > 0) {
            TopList[] list = new TopList[request.trusted().length];
            for (int i = 0; i < list.length; i++) {
                list[i] = lists.apply(request.trusted()[i]);
                if (list[i] == null) {
                    return rank(model, views, request, accept);
                }
            }
            // Up to EXACT_FILMS a dense view is cheap to keep, and reading a cell from it beats computing one.
            IntFunction<ReviewerView> dense = model.filmCount() <= EXACT_FILMS ? views : r -> null;
            Ranking r = list.length == 1 ? walk(model, request, list[0], dense, accept)
                    : threshold(model, request, list, dense, accept);
            if (r != null) {
                return r;
            }
        }
        return rank(model, views, request, accept);
    }

    /** One reviewer's list, filtered, in order; null when it runs out before the limit and is not complete. */
    private static Ranking walk(RankingModel model, Request request, TopList list, IntFunction<ReviewerView> dense,
                                IntPredicate accept) {
        IntSet excluded = excludedFew(request);
        int[] films = list.films();
        int[] top = new int[Math.min(request.limit(), films.length)];
        float[] scores = new float[top.length];
        int n = 0;
        for (int i = 0; i < films.length && n < top.length; i++) {
            int f = films[i];
            if (!excluded.contains(f) && accept.test(f)) {
                top[n] = f;
                scores[n++] = list.scores()[i];
            }
        }
        if (n < request.limit() && !list.complete()) {
            return null;
        }
        int reviewer = request.trusted()[0];
        ReviewerView.Source source = ReviewerView.Source.of(model, reviewer, dense.apply(reviewer));
        float[] value = new float[n];
        float[] z = new float[n];
        byte[] kind = new byte[n];
        for (int i = 0; i < n; i++) {
            source.cell(top[i], value, z, kind, i);
        }
        return new Ranking(Arrays.copyOf(top, n), Arrays.copyOf(scores, n), new int[n], kind, null);
    }

    /** The threshold algorithm over several reviewers' lists; null when they run out (dense ranking instead). */
    private static Ranking threshold(RankingModel model, Request request, TopList[] list,
                                     IntFunction<ReviewerView> dense, IntPredicate accept) {
        int m = request.trusted().length;
        ReviewerView.Source[] source = new ReviewerView.Source[m];
        float[] wi = new float[m];
        float total = 0;
        for (double w : request.weights()) {
            total += (float) w;
        }
        int depth = 0;
        int listed = 0;
        for (int i = 0; i < m; i++) {
            source[i] = ReviewerView.Source.of(model, request.trusted()[i], dense.apply(request.trusted()[i]));
            wi[i] = (float) request.weights()[i] / total;
            depth = Math.max(depth, list[i].size());
            listed += list[i].size();
        }
        float c = (float) model.params().popularityWeight();
        // A source without a view of a film still adds nothing more than c·prior there.
        double priorCap = c * model.maxPrior();
        IntSet excluded = excludedFew(request);
        boolean large = model.filmCount() > EXACT_FILMS;
        // a large catalogue's merge usually meets every film on the lists: a set that never grows
        IntSet met = new IntSet(large ? listed : 8 * m * AHEAD);
        TopK.Bounded best = new TopK.Bounded(request.limit());
        float[] values = new float[m];
        float[] z = new float[m];
        byte[] kinds = new byte[m];
        ReviewerView.Source.Scratch scratch = new ReviewerView.Source.Scratch(m);
        boolean stopped = false;
        float touched = 0;
        // Below EXACT_FILMS the cells come from views held in memory. Above, the films of the next AHEAD depths are
        // scored together (Ahead): their rows fetched side by side, each source's dot products one vectorised loop.
        Ahead ahead = large ? new Ahead(source, list, AHEAD) : null;
        for (int d = 0; d < depth && !stopped; d++) {
            if (ahead != null && d % AHEAD == 0) {
                touched += touchAhead(model, list, d, met);
                ahead.score(model, d, met, excluded, accept, wi, c);
            }
            double bound = 0;
            for (int i = 0; i < m; i++) {
                TopList l = list[i];
                double below;
                if (d < l.size()) {
                    int f = l.films()[d];
                    below = l.scores()[d];
                    if (ahead != null) {
                        float s = ahead.scoreAt(i, d);
                        if (s > 0) {
                            best.offer(f, s);
                        }
                    } else if (met.add(f)) {
                        if (!excluded.contains(f) && accept.test(f)) {
                            float s = score(model, source, wi, c, f, values, z, kinds, scratch);
                            if (s > 0) {
                                best.offer(f, s);
                            }
                        }
                    }
                } else {
                    below = l.complete() ? 0 : l.last();
                }
                bound += wi[i] * Math.max(below, priorCap);
            }
            stopped = best.full() && best.worst() > bound + 1e-5 * (1 + Math.abs(bound));
        }
        touchSink = touched;
        if (!stopped && model.filmCount() <= EXACT_FILMS) {
            return null;
        }
        int[] top = best.sorted();
        float[] scores = new float[top.length];
        int[] src = new int[top.length];
        byte[] kind = new byte[top.length];
        for (int k = 0; k < top.length; k++) {
            int f = top[k];
            scores[k] = score(model, source, wi, c, f, values, z, kinds, scratch);
            int strongest = 0;
            double strongestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                if (!Float.isNaN(values[i]) && request.weights()[i] * values[i] > strongestValue) {
                    strongestValue = request.weights()[i] * values[i];
                    strongest = i;
                }
            }
            src[k] = strongest;
            kind[k] = kinds[strongest];
        }
        return new Ranking(top, scores, src, kind, null);
    }

    /** Films fetched ahead by {@link #touchAhead}: a block of list depths. */
    private static final int AHEAD = 16;
    /** Where {@link #touchAhead}'s reads go, so that the JIT keeps them. */
    private static float touchSink;

    /**
     * Touches the factor rows of the films at depths {@code [from, from + AHEAD)} of the lists not met yet. On a
     * large catalogue each film met is a random row (a cache and TLB miss for each of its lines); reading the next
     * block's lines in one tight loop lets the CPU have them in flight together, so the exact scoring that follows
     * finds them in cache (on a million films 2.4 → 1.1 ms of dot products for five reviewers' 2,500 films). The
     * result only feeds {@link #touchSink}.
     */
    private static float touchAhead(RankingModel model, TopList[] list, int from, IntSet met) {
        Factors explicit = model.films().factors();
        Factors implicit = model.films().implicit();
        float[] bias = model.films().bias();
        float[] prior = model.prior();
        float sum = 0;
        for (TopList l : list) {
            int to = Math.min(l.size(), from + AHEAD);
            for (int d = from; d < to; d++) {
                int f = l.films()[d];
                if (!met.contains(f)) {
                    sum += explicit.touch(f) + implicit.touch(f) + bias[f] + prior[f];
                }
            }
        }
        return sum;
    }

    /**
     * A film's blended score from its sources' cells, the same float operations in the same order as
     * {@link #blend} (so the same value); leaves each source's value and kind in {@code values/kinds}.
     */
    private static float score(RankingModel model, ReviewerView.Source[] source, float[] wi, float c, int f,
                               float[] values, float[] z, byte[] kinds, ReviewerView.Source.Scratch scratch) {
        ReviewerView.Source.cells(source, f, values, z, kinds, scratch);
        return blended(values, 0, wi, c, model.prior()[f]);
    }

    /** The score from a film's cells at {@code values[at .. at + wi.length - 1]}, as {@link #blend} adds them. */
    private static float blended(float[] values, int at, float[] wi, float c, float prior) {
        float acc = Float.NaN;
        for (int i = 0; i < wi.length; i++) {
            float x = values[at + i];
            if (!Float.isNaN(x)) {
                acc = Float.isNaN(acc) ? wi[i] * x : acc + wi[i] * x;
            }
        }
        return c != 0 ? acc + c * prior : acc;
    }

    /**
     * The films of a block of list depths scored before the merge reaches them, on a catalogue too large for dense
     * views: each film met first in the block, in the order the merge meets it, gets its score; a film met before,
     * met again in the block, excluded or not accepted gets none. The merge then offers what {@link #scoreAt} gives,
     * the very float {@link #score} would have given there.
     */
    private static final class Ahead {
        private static final float NONE = Float.NaN;
        private final TopList[] list;
        private final int depths;
        private final ReviewerView.Source.Batch batch;
        private final int[] films;
        /** Per list and depth of the block: the film's slot in the batch, -1 when it gets no score. */
        private final int[][] slot;
        private final float[] score;
        private int first;

        Ahead(ReviewerView.Source[] source, TopList[] list, int depths) {
            this.list = list;
            this.depths = depths;
            this.batch = new ReviewerView.Source.Batch(source, depths * list.length);
            this.films = new int[batch.capacity()];
            this.slot = new int[list.length][depths];
            this.score = new float[batch.capacity()];
        }

        /** Scores the films first met at depths {@code from .. from + depths - 1}, adding them to {@code met}. */
        void score(RankingModel model, int from, IntSet met, IntSet excluded, IntPredicate accept, float[] wi,
                   float c) {
            first = from;
            int n = 0;
            for (int d = from; d < from + depths; d++) {
                for (int i = 0; i < list.length; i++) {
                    TopList l = list[i];
                    if (d >= l.size()) {
                        continue;
                    }
                    int f = l.films()[d];
                    slot[i][d - from] = -1;
                    if (met.add(f) && !excluded.contains(f) && accept.test(f)) {
                        films[n] = f;
                        slot[i][d - from] = n++;
                    }
                }
            }
            batch.compute(films, n);
            float[] prior = model.prior();
            for (int j = 0; j < n; j++) {
                score[j] = blended(batch.values, j * list.length, wi, c, prior[films[j]]);
            }
        }

        /** The score of the film at depth {@code d} of list {@code i} (of the block scored last), NaN for none. */
        float scoreAt(int i, int d) {
            int j = slot[i][d - first];
            return j < 0 ? NONE : score[j];
        }
    }

    /** The films a request excludes (seen, rated), for rankers that look at a few films of the catalogue. */
    private static IntSet excludedFew(Request request) {
        IntSet excluded = new IntSet(request.seen().length + request.ratedFilms().length);
        Arrays.stream(request.seen()).forEach(excluded::add);
        Arrays.stream(request.ratedFilms()).forEach(excluded::add);
        return excluded;
    }

    private static BitSet excluded(RankingModel model, Request request) {
        BitSet excluded = new BitSet(model.filmCount());
        Arrays.stream(request.seen()).forEach(excluded::set);
        Arrays.stream(request.ratedFilms()).forEach(excluded::set);
        return excluded;
    }

    /** The score of every film (NaN where no source has a view); callers must not modify it. */
    static float[] blend(RankingModel model, ReviewerView[] views, double[] weights) {
        int n = model.filmCount();
        float c = (float) model.params().popularityWeight();
        if (views.length == 1 && c == 0) {
            // "I trust R" without a prior: R's view is the score, read-only; no copy on the hot path.
            return views[0].values();
        }
        float[] out = new float[n];
        float total = 0;
        for (double w : weights) {
            total += (float) w;
        }
        if (views.length == 1) {
            System.arraycopy(views[0].values(), 0, out, 0, n);
        } else {
            Arrays.fill(out, Float.NaN);
            for (int i = 0; i < views.length; i++) {
                float wi = (float) weights[i] / total;
                float[] values = views[i].values();
                for (int f = 0; f < n; f++) {
                    float x = values[f];
                    if (!Float.isNaN(x)) {
                        out[f] = Float.isNaN(out[f]) ? wi * x : out[f] + wi * x;
                    }
                }
            }
        }
        if (c != 0) {
            float[] prior = model.prior();
            for (int f = 0; f < n; f++) {
                out[f] += c * prior[f];
            }
        }
        return out;
    }

    /** The source whose weighted view of f is largest. */
    private static int strongest(ReviewerView[] views, double[] weights, int film) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < views.length; i++) {
            float x = views[i].values()[film];
            if (!Float.isNaN(x) && weights[i] * x > bestValue) {
                bestValue = weights[i] * x;
                best = i;
            }
        }
        return best;
    }
}
