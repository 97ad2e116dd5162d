package dev.vouch.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which reviewers share a reader's taste. Both sides are compared on enthusiasm z, each relative to their own habits
 * (the reader's {@link ReaderProfile.Habits}, a reviewer's {@link RankingModel#center}/{@link RankingModel#spread}),
 * over the films both scored ("co-rated"):
 * <pre>
 * agreement = mean over co-rated films of 1 − min(|z_reader − z_reviewer|, Z_SPAN) / Z_SPAN      (in [0, 1])
 * match     = agreement · n / (n + SHRINK)                                                       (n = co-rated)
 * </pre>
 * so agreement on 2 shared films does not beat the same agreement on 40. A reviewer with fewer than
 * {@code minCoRated} (at least 1) co-rated films is never returned. Order: match, then co-rated, descending; then
 * reviewer index ascending. Co-rated films are found through {@link FilmOpinions}, built with the model: the cost is
 * the number of opinions on the reader's films, never the whole catalogue.
 */
public final class CriticMatcher {
    /**
     * Co-rated films at which a perfect agreement is worth half a match. Herlocker et al. (SIGIR 1999) found
     * neighbours trustworthy from about 50 co-rated items; on FilmTrust's trust edges 50 also recovered declared
     * trustees best of 1, 5, 20 and 50 (README, "Find your critics").
     */
    public static final double SHRINK = 50;
    /** A z gap of this much (three standard deviations of one's own habits) counts as total disagreement. */
    public static final double Z_SPAN = 3;

    private CriticMatcher() {
    }

    /** One reviewer's agreement with the reader. */
    public record Match(int reviewer, double agreement, int coRated, double match) {
    }

    /** Agreement on one film between two enthusiasms, in [0, 1]. */
    public static double agreement(double zA, double zB) {
        return 1 - Math.min(Math.abs(zA - zB), Z_SPAN) / Z_SPAN;
    }

    /** The shrunk match of an agreement over n co-rated films. */
    public static double shrunk(double agreement, int coRated) {
        return agreement * coRated / (coRated + SHRINK);
    }

    /**
     * The best-matching reviewers.
     *
     * @param films      the reader's films (a film repeated counts once, first occurrence)
     * @param z          the reader's enthusiasm for each film
     * @param minCoRated at least this many co-rated films (values below 1 count as 1)
     * @param limit      at most this many, ≥ 1
     * @param exclude    a reviewer index left out (the reader themself when a reviewer), or -1
     */
    public static List<Match> match(RankingModel model, int[] films, double[] z, int minCoRated, int limit,
                                    int exclude) {
        if (films.length != z.length) {
            throw new IllegalArgumentException("films and z differ in length");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        FilmOpinions index = model.byFilm();
        int[] count = new int[model.reviewerCount()];
        double[] sum = new double[model.reviewerCount()];
        int[] touched = new int[model.reviewerCount()];
        int nTouched = 0;
        BitSet done = new BitSet(model.filmCount());
        for (int i = 0; i < films.length; i++) {
            int f = films[i];
            if (done.get(f) || Double.isNaN(z[i])) {
                continue;
            }
            done.set(f);
            for (int e = index.start(f); e < index.end(f); e++) {
                int r = index.reviewer(e);
                if (count[r]++ == 0) {
                    touched[nTouched++] = r;
                }
                sum[r] += agreement(z[i], index.entryZ(e));
            }
        }
        int floor = Math.max(1, minCoRated);
        Match[] heap = new Match[limit];
        int size = 0;
        for (int t = 0; t < nTouched; t++) {
            int r = touched[t];
            if (r == exclude || count[r] < floor) {
                continue;
            }
            double agreement = sum[r] / count[r];
            Match m = new Match(r, agreement, count[r], shrunk(agreement, count[r]));
            if (size < limit) {
                heap[size] = m;
                siftUp(heap, size++);
            } else if (better(m, heap[0])) {
                heap[0] = m;
                siftDown(heap, size);
            }
        }
        List<Match> out = new ArrayList<>(size);
        while (size > 0) {
            out.add(heap[0]);
            heap[0] = heap[--size];
            siftDown(heap, size);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** The matcher's order: best first. */
    public static final java.util.Comparator<Match> BEST_FIRST = (a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0;

    /** True when a ranks before b. */
    static boolean better(Match a, Match b) {
        if (a.match() != b.match()) {
            return a.match() > b.match();
        }
        if (a.coRated() != b.coRated()) {
            return a.coRated() > b.coRated();
        }
        return a.reviewer() < b.reviewer();
    }

    // A min-heap on "better": the root is the worst kept match.
    private static void siftUp(Match[] h, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(h[parent], h[i])) {
                return;
            }
            Match t = h[parent];
            h[parent] = h[i];
            h[i] = t;
            i = parent;
        }
    }

    private static void siftDown(Match[] h, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int worst = i;
            if (l < size && better(h[worst], h[l])) {
                worst = l;
            }
            if (l + 1 < size && better(h[worst], h[l + 1])) {
                worst = l + 1;
            }
            if (worst == i) {
                return;
            }
            Match t = h[worst];
            h[worst] = h[i];
            h[i] = t;
            i = worst;
        }
    }
}
