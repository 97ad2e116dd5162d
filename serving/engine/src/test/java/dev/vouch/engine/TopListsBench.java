package dev.vouch.engine;

import java.util.Arrays;
import java.util.Random;

/**
 * {@link TopLists#of(RankingModel, int, int)} on a random model of R reviewers × F films, rank K on both sides, on one
 * thread: seconds, nanoseconds per (reviewer, film) cell and a checksum of the lists, for each of REPS runs; then the
 * same for the dense views ({@link ReviewerView#of}) of the first 200 reviewers.
 * {@code java -cp serving/engine/target/classes:serving/engine/target/test-classes dev.vouch.engine.TopListsBench R F K
 * REPS}, after {@code mvn -pl serving/engine test-compile}. A benchmark, not a test.
 */
public final class TopListsBench {
    private TopListsBench() {
    }

    public static void main(String[] a) {
        int nr = Integer.parseInt(a[0]);
        int nf = Integer.parseInt(a[1]);
        int k = Integer.parseInt(a[2]);
        int reps = Integer.parseInt(a[3]);
        RankingModel m = model(new Random(1), nr, nf, k);
        for (int rep = 0; rep < reps; rep++) {
            long t = System.nanoTime();
            TopList[] lists = TopLists.of(m, 0, nr);
            double s = 0;
            for (TopList l : lists) {
                for (int i = 0; i < l.size(); i++) {
                    s += l.scores()[i] * (l.films()[i] % 7);
                }
            }
            report("", rep, System.nanoTime() - t, (double) nr * nf, s);
        }
        int nv = Math.min(nr, 200);
        for (int rep = 0; rep < reps; rep++) {
            long t = System.nanoTime();
            double s = 0;
            for (int r = 0; r < nv; r++) {
                float[] v = ReviewerView.of(m, r).values();
                for (int i = r % 7; i < nf; i += 97) {
                    s += Float.isNaN(v[i]) ? 1 : v[i];
                }
            }
            report("views ", rep, System.nanoTime() - t, (double) nv * nf, s);
        }
    }

    private static void report(String what, int rep, long nanos, double cells, double checksum) {
        System.out.printf("%srep %d: %.2f s, %.1f ns/cell, checksum %.6f%n", what, rep, nanos / 1e9, nanos / cells,
                checksum);
    }

    /** Every reviewer and film with factors on both sides, 100 opinions per reviewer. */
    private static RankingModel model(Random rnd, int nr, int nf, int k) {
        float[] fe = new float[nf * k];
        float[] fi = new float[nf * k];
        float[] re = new float[nr * k];
        float[] ri = new float[nr * k];
        for (int i = 0; i < fe.length; i++) {
            fe[i] = (float) rnd.nextGaussian() * 0.3f;
            fi[i] = (float) rnd.nextGaussian() * 0.3f;
        }
        for (int i = 0; i < re.length; i++) {
            re[i] = (float) rnd.nextGaussian() * 0.3f;
            ri[i] = (float) rnd.nextGaussian() * 0.3f;
        }
        boolean[] fp = new boolean[nf];
        boolean[] rp = new boolean[nr];
        Arrays.fill(fp, true);
        Arrays.fill(rp, true);
        float[] fb = new float[nf];
        int[] n = new int[nf];
        for (int i = 0; i < nf; i++) {
            fb[i] = (float) rnd.nextGaussian() * 0.05f;
            n[i] = rnd.nextInt(100);
        }
        float[] rb = new float[nr];
        double[] mean = new double[nr];
        double[] sd = new double[nr];
        for (int i = 0; i < nr; i++) {
            rb[i] = (float) rnd.nextGaussian() * 0.05f;
            mean[i] = 0.6;
            sd[i] = 0.15 + rnd.nextDouble() * 0.1;
        }
        int per = 100;
        int[] start = new int[nr + 1];
        int[] film = new int[nr * per];
        float[] norm = new float[nr * per];
        for (int r = 0; r < nr; r++) {
            start[r + 1] = start[r] + per;
            int[] fs = rnd.ints(per, 0, nf).sorted().toArray();
            for (int j = 0; j < per; j++) {
                film[r * per + j] = fs[j];
                norm[r * per + j] = rnd.nextInt(11) / 10f;
            }
        }
        RankParams p = new RankParams(1, 0.5, 0.3, 5, 0.03, 5, 0.1, 5, true);
        return new RankingModel(0.6, p,
                new RankingModel.ReviewerArrays(rb, mean, sd, new Factors(k, re, rp), new Factors(k, ri, rp)),
                new RankingModel.FilmArrays(fb, n, new Factors(k, fe, fp), new Factors(k, fi, fp)),
                new RankingModel.OpinionArrays(start, film, norm));
    }
}
