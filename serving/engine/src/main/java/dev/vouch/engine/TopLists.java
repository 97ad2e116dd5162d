package dev.vouch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many reviewers' {@link TopList}s at once, as a blocked reviewers × films product: what publishing computes for every
 * reviewer of a model. The result is the same list, film for film and float for float, as
 * {@code TopList.of(model, ReviewerView.of(model, r))}: each (reviewer, film) dot product adds its terms in the same
 * order as {@link Factors#dot} (Java does not fuse or reorder float arithmetic), and each cell's value is the dense
 * view's arithmetic in the same order ({@link ReviewerView#value}, {@link ReviewerView#reviewedOr},
 * {@link RankingModel#predict}).
 *
 * <p>What makes it fast is the order of the loops, not the arithmetic: films in blocks of {@value #FILM_BLOCK} that
 * stay in the CPU cache, their factors transposed once per block, so that one reviewer's factor k is multiplied into
 * the sums of every film of the block in a loop the JIT turns into vector instructions. A dense view computes one
 * sum after another and waits on each addition.
 */
public final class TopLists {
    /** Films per cache block: 512 films of rank 64 is 128 KiB per side. */
    static final int FILM_BLOCK = 512;

    private TopLists() {
    }

    /** Lists of every reviewer of {@code model}, on {@code threads} threads (reviewers split in contiguous ranges). */
    public static TopList[] of(RankingModel model, int threads) {
        int n = model.reviewerCount();
        int parts = Math.max(1, Math.min(threads, n / 16));
        if (parts == 1) {
            return of(model, 0, n);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts, r -> {
            Thread t = new Thread(r, "vouch-top-lists");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TopList[]>> done = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                int from = (int) ((long) n * i / parts);
                int to = (int) ((long) n * (i + 1) / parts);
                done.add(pool.submit(() -> of(model, from, to)));
            }
            TopList[] out = new TopList[n];
            int at = 0;
            for (Future<TopList[]> f : done) {
                TopList[] part = f.get();
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing lists", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lists of reviewers {@code from} to {@code to - 1}, in that order, on the calling thread. */
    public static TopList[] of(RankingModel model, int from, int to) {
        if (from < 0 || to > model.reviewerCount() || from > to) {
            throw new IllegalArgumentException("reviewers " + from + ".." + to + " outside 0.." + model.reviewerCount());
        }
        Reviewer[] reviewers = new Reviewer[to - from];
        for (int r = from; r < to; r++) {
            reviewers[r - from] = new Reviewer(model, r);
        }
        Block block = new Block(model);
        for (int f0 = 0; f0 < model.filmCount(); f0 += FILM_BLOCK) {
            block.load(f0);
            for (Reviewer r : reviewers) {
                r.score(block);
            }
        }
        TopList[] out = new TopList[reviewers.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = TopList.of(reviewers[i].heap);
        }
        return out;
    }

    /** Up to {@link #FILM_BLOCK} consecutive films of both sides ({@link FilmBlock}), and one reviewer's sums. */
    private static final class Block {
        final FilmBlock explicit;
        final FilmBlock implicit;
        final float[] sumE = new float[FILM_BLOCK];
        final float[] sumI = new float[FILM_BLOCK];
        final float[] values = new float[FILM_BLOCK];
        final double[] scratch = new double[FILM_BLOCK];
        final double[] scratch2 = new double[FILM_BLOCK];
        final int films;
        int first;
        int size;

        Block(RankingModel model) {
            explicit = new FilmBlock(model.films().factors(), FILM_BLOCK);
            implicit = new FilmBlock(model.films().implicit(), FILM_BLOCK);
            films = model.filmCount();
        }

        void load(int f0) {
            first = f0;
            size = Math.min(FILM_BLOCK, films - f0);
            explicit.loadRange(f0, size);
            implicit.loadRange(f0, size);
        }
    }

    /** One reviewer: what their view needs, their opinion cursor and their heap of the best films so far. */
    private static final class Reviewer {
        final RankingModel model;
        final RankParams params;
        final float[] factors;
        final float[] implicit;
        final double bias;
        final double center;
        final double sd;
        final int end;
        int cursor;
        final TopK.Bounded heap = new TopK.Bounded(TopList.SIZE);

        Reviewer(RankingModel model, int r) {
            RankingModel.ReviewerArrays rs = model.reviewers();
            this.model = model;
            this.params = model.params();
            this.factors = rs.factors().has(r) ? rs.factors().row(r) : null;
            this.implicit = rs.implicit().has(r) ? rs.implicit().row(r) : null;
            this.bias = rs.bias()[r];
            this.center = model.center(r);
            this.sd = model.spread(r);
            this.cursor = model.opinions().start()[r];
            this.end = model.opinions().start()[r + 1];
        }

        /**
         * Scores the block's films and offers them to the heap, as {@link Ranker#blend} and {@link TopK} would: each
         * value is the float of {@link ReviewerView#cell} and {@link ReviewerView#reviewed}, without their z and kind.
         * In passes over the block: the dot products, the values, the reviewer's own opinions over them, then the
         * offers, where a film below the heap's worst is passed over with one compare.
         */
        void score(Block b) {
            if (factors != null) {
                b.explicit.dots(factors, b.sumE);
            }
            if (implicit != null) {
                b.implicit.dots(implicit, b.sumI);
            }
            float[] v = b.values;
            if (factors != null && implicit != null && b.explicit.all() && b.implicit.all()) {
                bothSides(b, v);
            } else {
                for (int i = 0; i < b.size; i++) {
                    double watch = implicit != null && b.implicit.has(i) ? b.sumI[i] : Double.NaN;
                    double predicted = factors != null && b.explicit.has(i) ? model.predict(bias, b.first + i, b.sumE[i])
                            : Double.NaN;
                    v[i] = ReviewerView.value(params, watch, predicted, center, sd);
                }
            }
            // opinions are sorted by film, and the blocks come in film order: this block's are next
            int last = b.first + b.size;
            int[] opinionFilm = model.opinions().film();
            float[] norm = model.opinions().norm();
            while (cursor < end && opinionFilm[cursor] < last) {
                int i = opinionFilm[cursor] - b.first;
                v[i] = ReviewerView.reviewedOr(params, norm[cursor], center, sd, v[i]);
                cursor++;
            }
            float c = (float) params.popularityWeight();
            if (c != 0) {
                float[] prior = model.prior();
                for (int i = 0; i < b.size; i++) {
                    v[i] = v[i] + c * prior[b.first + i];
                }
            }
            // Most films of a long catalogue fall below a full heap: one compare with its worst passes them over (NaN
            // fails it too); takes() decides the rest, ties included.
            float bar = heap.full() ? heap.worst() : Float.NEGATIVE_INFINITY;
            for (int i = 0; i < b.size; i++) {
                float s = v[i];
                if (s > 0f && s >= bar && heap.takes(b.first + i, s)) {
                    heap.offer(b.first + i, s);
                    bar = heap.full() ? heap.worst() : Float.NEGATIVE_INFINITY;
                }
            }
        }

        /**
         * {@link ReviewerView#value} of every film of a block whose films all have both sides, for a reviewer who has
         * both: the same arithmetic in the same order (the prediction is {@link RankingModel#predict}'s
         * {@code globalMean + bias + film bias + dot}, clamped), without the per-film checks of missing factors.
         */
        private void bothSides(Block b, float[] v) {
            double meanAndBias = model.globalMean() + bias;
            float[] filmBias = model.films().bias();
            double wi = params.implicitWeight();
            double wr = params.ratingWeight();
            float[] sumE = b.sumE;
            float[] sumI = b.sumI;
            int first = b.first;
            int n = b.size;
            double[] d = b.scratch;
            double[] w = b.scratch2;
            // In simple loops over arrays, which the JIT turns into vector instructions, the conversions between
            // float and double apart: one loop doing it all was 1.5 times slower (TopListsBench, 1,000 reviewers × 50,000
            // films of rank 32 on one thread: 32 → 22 ns a film, lists included).
            for (int i = 0; i < n; i++) {
                w[i] = filmBias[first + i];
            }
            for (int i = 0; i < n; i++) {
                d[i] = sumE[i];
            }
            for (int i = 0; i < n; i++) {
                d[i] = meanAndBias + w[i] + d[i];
            }
            for (int i = 0; i < n; i++) {
                d[i] = RankingModel.clamp01(d[i]);
            }
            for (int i = 0; i < n; i++) {
                d[i] = (d[i] - center) / sd;
            }
            for (int i = 0; i < n; i++) {
                w[i] = sumI[i];
            }
            for (int i = 0; i < n; i++) {
                d[i] = wi * w[i] + wr * d[i];
            }
            for (int i = 0; i < n; i++) {
                v[i] = (float) d[i];
            }
            // Where no input is NaN that is ReviewerView.value's float; where one is, the sum is NaN: recompute it
            for (int i = 0; i < n; i++) {
                if (Float.isNaN(v[i])) {
                    v[i] = ReviewerView.value(params, sumI[i], model.predict(bias, first + i, sumE[i]), center, sd);
                }
            }
        }
    }
}
