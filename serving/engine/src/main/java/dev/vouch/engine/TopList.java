package dev.vouch.engine;

import java.util.Arrays;

/**
 * One known reviewer's best films when they are the only source: the first {@link #SIZE} films of "I trust R" in
 * order, each with its score ({@code view + popularityWeight · log(1 + n)}, exactly what {@link Ranker#rank} scores
 * it). Every film not on the list scores at most {@link #last()} and, on a tie, has a higher index. Serving keeps one
 * list per reviewer instead of a dense view per reviewer: a few kilobytes instead of 9 bytes per film, and
 * {@link Ranker#rank(RankingModel, java.util.function.IntFunction, java.util.function.IntFunction, Ranker.Request,
 * java.util.function.IntPredicate)} answers from it without touching every film. Immutable.
 */
public final class TopList {
    /** Films kept per reviewer. */
    public static final int SIZE = 500;

    private final int[] films;
    private final float[] scores;
    private final boolean complete;

    private TopList(int[] films, float[] scores, boolean complete) {
        this.films = films;
        this.scores = scores;
        this.complete = complete;
    }

    /** The list of a reviewer whose full view is at hand. */
    public static TopList of(RankingModel model, ReviewerView view) {
        return of(model, view, SIZE);
    }

    static TopList of(RankingModel model, ReviewerView view, int size) {
        float[] score = Ranker.blend(model, new ReviewerView[] {view}, new double[] {1});
        int[] top = TopK.select(score, size, 0f, f -> true);
        float[] scores = new float[top.length];
        for (int i = 0; i < top.length; i++) {
            scores[i] = score[top[i]];
        }
        return new TopList(top, scores, top.length < size);
    }

    /** The list a heap of (film, score) holds, as {@link #of(RankingModel, ReviewerView, int)} keeps it. */
    static TopList of(TopK.Bounded heap) {
        float[] scores = new float[heap.size()];
        int[] films = heap.sorted(scores);
        return new TopList(films, scores, films.length < heap.capacity());
    }

    /**
     * A list computed elsewhere (published with the model): films best first, their scores, and whether it holds
     * every film the reviewer backs. Throws IllegalArgumentException when it cannot be such a list: lengths differ,
     * more than {@link #SIZE} films, a film outside {@code 0..films-1} or listed twice, a score not above 0, or scores
     * out of order (higher first, the lower film first on a tie). A list is complete exactly when it is shorter than
     * {@link #SIZE}.
     */
    public static TopList published(int[] films, float[] scores, boolean complete, int filmCount) {
        if (films.length != scores.length) {
            throw new IllegalArgumentException(films.length + " films but " + scores.length + " scores");
        }
        if (films.length > SIZE || (films.length < SIZE) != complete) {
            throw new IllegalArgumentException("a list of " + films.length + " films (" + SIZE + " kept, "
                    + (complete ? "complete" : "not complete") + ")");
        }
        java.util.BitSet listed = new java.util.BitSet(filmCount);
        for (int i = 0; i < films.length; i++) {
            if (films[i] < 0 || films[i] >= filmCount || listed.get(films[i])) {
                throw new IllegalArgumentException("film " + films[i] + " at " + i + " is unknown or listed twice");
            }
            listed.set(films[i]);
            if (!(scores[i] > 0f) || i > 0 && (scores[i] > scores[i - 1]
                    || scores[i] == scores[i - 1] && films[i] < films[i - 1])) {
                throw new IllegalArgumentException("score " + scores[i] + " at " + i + " is out of order");
            }
        }
        return new TopList(films.clone(), scores.clone(), complete);
    }

    /** Films on the list, best first; callers must not modify it. */
    public int[] films() {
        return films;
    }

    /** Their scores; callers must not modify it. */
    public float[] scores() {
        return scores;
    }

    /** True when the list holds every film R backs (score above 0); nothing else can qualify. */
    public boolean complete() {
        return complete;
    }

    /** Equal films, scores (bit for bit) and completeness. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TopList t && complete == t.complete && Arrays.equals(films, t.films)
                && Arrays.equals(scores, t.scores);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(films) * 31 + Arrays.hashCode(scores);
    }

    /** The lowest score on the list: no film off the list scores more (0 for an empty list). */
    float last() {
        return films.length == 0 ? 0f : scores[films.length - 1];
    }

    public int size() {
        return films.length;
    }

    /** Heap taken by this list. */
    public long bytes() {
        return 16L + films.length * 8L;
    }

    @Override
    public String toString() {
        return "TopList" + Arrays.toString(Arrays.copyOf(films, Math.min(films.length, 5))) + (complete ? "" : "…");
    }
}
