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

    /** Films on the list, best first; callers must not modify it. */
    int[] films() {
        return films;
    }

    /** Their scores; callers must not modify it. */
    float[] scores() {
        return scores;
    }

    /** True when the list holds every film R backs (score above 0); nothing else can qualify. */
    boolean complete() {
        return complete;
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
