package dev.vouch.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many reviewers' {@link TopList}s at once, as a blocked reviewers × films product: what publishing computes for every
 * reviewer of a model. The result is the same list, film for film and float for float, as
 * {@code TopList.of(model, ReviewerView.of(model, r))}: each (reviewer, film) dot product adds its terms in the same
 * order as {@link Factors#dot} (Java does not fuse or reorder float arithmetic), and each cell then goes through the
 * code of the dense view ({@link ReviewerView#cell}, {@link ReviewerView#reviewed}, {@link RankingModel#predict}).
 *
 * <p>What makes it fast is the order of the loops, not the arithmetic: films in blocks that stay in the CPU cache,
 * {@value #LANES} reviewers per pass with their factors transposed, so that one film value is multiplied into
 * {@value #LANES} independent sums that the JIT turns into vector instructions. A dense view computes one sum after
 * another and waits on each addition.
 */
public final class TopLists {
    /** Reviewers computed side by side. */
    static final int LANES = 32;
    /** Films per cache block: 512 rows of rank 64 is 128 KiB per side. */
    static final int FILM_BLOCK = 512;

    private TopLists() {
    }

    /** Lists of every reviewer of {@code model}, on {@code threads} threads (reviewers split in contiguous ranges). */
    public static TopList[] of(RankingModel model, int threads) {
        int n = model.reviewerCount();
        int parts = Math.max(1, Math.min(threads, (n + LANES - 1) / LANES));
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
            // ranges of whole lanes, as even as the lanes allow
            int blocks = (n + LANES - 1) / LANES;
            for (int i = 0; i < parts; i++) {
                int from = Math.min(n, (int) ((long) blocks * i / parts) * LANES);
                int to = Math.min(n, (int) ((long) blocks * (i + 1) / parts) * LANES);
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
        List<Lanes> passes = new ArrayList<>();
        for (int r = from; r < to; r += LANES) {
            passes.add(new Lanes(model, r, Math.min(to, r + LANES)));
        }
        int films = model.filmCount();
        for (int f0 = 0; f0 < films; f0 += FILM_BLOCK) {
            int f1 = Math.min(films, f0 + FILM_BLOCK);
            for (Lanes lanes : passes) {
                lanes.score(f0, f1);
            }
        }
        TopList[] out = new TopList[to - from];
        for (Lanes lanes : passes) {
            lanes.finish(out, lanes.first - from);
        }
        return out;
    }

    /** Up to {@link #LANES} consecutive reviewers, their factors transposed, each with its heap and opinion cursor. */
    private static final class Lanes {
        final RankingModel model;
        final RankParams params;
        final int first;
        final int count;
        final float[] explicitT;
        final float[] implicitT;
        final boolean[] hasExplicit = new boolean[LANES];
        final boolean[] hasImplicit = new boolean[LANES];
        final double[] bias = new double[LANES];
        final double[] center = new double[LANES];
        final double[] sd = new double[LANES];
        final int[] cursor = new int[LANES];
        final int[] end = new int[LANES];
        final TopK.Bounded[] heaps = new TopK.Bounded[LANES];
        final boolean anyExplicit;
        final boolean anyImplicit;
        // scratch, one slot per lane
        final float[] sumE = new float[LANES];
        final float[] sumI = new float[LANES];
        final float[] values = new float[LANES];
        final float[] z = new float[LANES];
        final byte[] kind = new byte[LANES];

        Lanes(RankingModel model, int first, int to) {
            this.model = model;
            this.params = model.params();
            this.first = first;
            this.count = to - first;
            RankingModel.ReviewerArrays rs = model.reviewers();
            Factors re = rs.factors();
            Factors ri = rs.implicit();
            explicitT = new float[re.rank() * LANES];
            implicitT = new float[ri.rank() * LANES];
            boolean e = false;
            boolean i = false;
            for (int j = 0; j < count; j++) {
                int r = first + j;
                hasExplicit[j] = re.has(r);
                hasImplicit[j] = ri.has(r);
                e |= hasExplicit[j];
                i |= hasImplicit[j];
                transpose(re, r, j, explicitT);
                transpose(ri, r, j, implicitT);
                bias[j] = rs.bias()[r];
                center[j] = model.center(r);
                sd[j] = model.spread(r);
                cursor[j] = model.opinions().start()[r];
                end[j] = model.opinions().start()[r + 1];
                heaps[j] = new TopK.Bounded(TopList.SIZE);
            }
            anyExplicit = e;
            anyImplicit = i;
        }

        private static void transpose(Factors side, int row, int lane, float[] into) {
            if (!side.has(row)) {
                return;
            }
            float[] v = side.values();
            int rank = side.rank();
            for (int k = 0; k < rank; k++) {
                into[k * LANES + lane] = v[row * rank + k];
            }
        }

        /** Scores films f0..f1-1 for every lane and offers them to the lanes' heaps. */
        void score(int f0, int f1) {
            Factors fe = model.films().factors();
            Factors fi = model.films().implicit();
            float c = (float) params.popularityWeight();
            float[] prior = model.prior();
            int[] opinionFilm = model.opinions().film();
            float[] norm = model.opinions().norm();
            for (int f = f0; f < f1; f++) {
                boolean explicit = anyExplicit && fe.has(f);
                boolean implicit = anyImplicit && fi.has(f);
                if (explicit) {
                    dots(fe, f, explicitT, sumE);
                }
                if (implicit) {
                    dots(fi, f, implicitT, sumI);
                }
                for (int j = 0; j < count; j++) {
                    values[j] = Float.NaN;
                    double watch = implicit && hasImplicit[j] ? sumI[j] : Double.NaN;
                    double predicted = explicit && hasExplicit[j] ? model.predict(bias[j], f, sumE[j]) : Double.NaN;
                    ReviewerView.cell(params, watch, predicted, center[j], sd[j], values, z, kind, j);
                    while (cursor[j] < end[j] && opinionFilm[cursor[j]] == f) {
                        ReviewerView.reviewed(params, norm[cursor[j]], center[j], sd[j], values, z, kind, j);
                        cursor[j]++;
                    }
                    // as Ranker.blend scores a single view, then TopK.select keeps it
                    float s = c == 0 ? values[j] : values[j] + c * prior[f];
                    if (s > 0f && heaps[j].takes(f, s)) {
                        heaps[j].offer(f, s);
                    }
                }
            }
        }

        /** sums[j] = film row f · lane j's row, each sum in the order of {@link Factors#dot}. */
        private static void dots(Factors side, int f, float[] transposed, float[] sums) {
            float[] v = side.values();
            int rank = side.rank();
            int base = f * rank;
            Arrays.fill(sums, 0f);
            for (int k = 0; k < rank; k++) {
                float x = v[base + k];
                int o = k * LANES;
                for (int j = 0; j < LANES; j++) {
                    sums[j] += x * transposed[o + j];
                }
            }
        }

        void finish(TopList[] out, int at) {
            for (int j = 0; j < count; j++) {
                out[at + j] = TopList.of(heaps[j]);
            }
        }
    }
}
