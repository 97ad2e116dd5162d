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
        BitSet excluded = new BitSet(model.filmCount());
        Arrays.stream(request.seen()).forEach(excluded::set);
        Arrays.stream(request.ratedFilms()).forEach(excluded::set);
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
