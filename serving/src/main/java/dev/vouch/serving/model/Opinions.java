package dev.vouch.serving.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The opinions table grouped by reviewer (compressed rows): the opinions of reviewer r are positions
 * {@code start(r) .. end(r)-1}, sorted by film index, so one opinion is found by binary search. Immutable.
 */
public final class Opinions {
    private static final String[] NO_TAGS = new String[0];
    private static final Aspect[] NO_ASPECTS = new Aspect[0];

    private final int[] offsets;
    private final int[] film;
    private final float[] scoreNorm;
    private final float[] score;
    private final String[][] tags;
    private final Aspect[][] aspects;
    private final Set<String> aspectNames;

    private Opinions(int[] offsets, int[] film, float[] scoreNorm, float[] score, String[][] tags,
                     Aspect[][] aspects, Set<String> aspectNames) {
        this.offsets = offsets;
        this.film = film;
        this.scoreNorm = scoreNorm;
        this.score = score;
        this.tags = tags;
        this.aspects = aspects;
        this.aspectNames = Set.copyOf(aspectNames);
    }

    static Opinions load(TableReader reader, Reviewers reviewers, Films films, LoadLog log) {
        Rows rows = new Rows(reader.count(ModelLayout.OPINIONS));
        Set<String> aspectNames = new HashSet<>();
        reader.forEach(ModelLayout.OPINIONS, "reviewer_id, film_id, score, score_norm, tags, "
                + "list_transform(aspects, lambda a: a.name) AS aspect_names, "
                + "list_transform(aspects, lambda a: a.score) AS aspect_scores, "
                + "list_transform(aspects, lambda a: a.max) AS aspect_maxes", rs -> {
            int r = reviewers.indexOf(rs.getString("reviewer_id"));
            int f = films.indexOf(rs.getString("film_id"));
            if (r < 0 || f < 0) {
                log.dangling(ModelLayout.OPINIONS);
                return;
            }
            Aspect[] as = aspects(TableReader.strings(rs, "aspect_names"), TableReader.doubles(rs, "aspect_scores"),
                    TableReader.doubles(rs, "aspect_maxes"));
            for (Aspect a : as) {
                aspectNames.add(a.name());
            }
            String[] t = TableReader.strings(rs, "tags");
            rows.add(r, f, (float) TableReader.doubleOrNaN(rs, "score_norm"), (float) TableReader.doubleOrNaN(rs,
                    "score"), t.length == 0 ? NO_TAGS : t, as);
        });
        return rows.build(reviewers.size(), aspectNames);
    }

    private static Aspect[] aspects(String[] names, double[] scores, double[] maxes) {
        if (names.length == 0) {
            return NO_ASPECTS;
        }
        Aspect[] out = new Aspect[Math.min(names.length, Math.min(scores.length, maxes.length))];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Aspect(names[i].toLowerCase(java.util.Locale.ROOT), scores[i], maxes[i]);
        }
        return out;
    }

    /** First opinion position of a reviewer. */
    public int start(int reviewer) {
        return offsets[reviewer];
    }

    /** One past the last opinion position of a reviewer. */
    public int end(int reviewer) {
        return offsets[reviewer + 1];
    }

    /** Position of the opinion of {@code reviewer} on {@code film}, or -1 when there is none. */
    public int find(int reviewer, int filmIndex) {
        int i = Arrays.binarySearch(film, offsets[reviewer], offsets[reviewer + 1], filmIndex);
        return i >= 0 ? i : -1;
    }

    public int film(int position) {
        return film[position];
    }

    /** Normalised score, NaN for an opinion without a score. */
    public float scoreNorm(int position) {
        return scoreNorm[position];
    }

    /** The score as written on the source's scale, NaN when absent. */
    public float score(int position) {
        return score[position];
    }

    /**
     * The scale the opinion's author scored on ({@code score / score_norm}, to 2 decimals), or {@code fallback} when
     * the opinion has no positive score to tell it by.
     */
    public double scaleMax(int position, double fallback) {
        float raw = score[position];
        float norm = scoreNorm[position];
        return raw > 0 && norm > 0 ? Math.round(raw / norm * 100) / 100.0 : fallback;
    }

    public List<String> tags(int position) {
        return List.of(tags[position]);
    }

    public List<Aspect> aspects(int position) {
        return List.of(aspects[position]);
    }

    /** The aspect sub-score of that name, or null when the opinion has none. */
    public Aspect aspect(int position, String name) {
        for (Aspect a : aspects[position]) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Every aspect name used in any opinion (lower case). */
    public Set<String> aspectNames() {
        return aspectNames;
    }

    public int size() {
        return film.length;
    }

    /** The engine's view of the same rows (shares the arrays, which nobody modifies). */
    public dev.vouch.engine.RankingModel.OpinionArrays engineArrays() {
        return new dev.vouch.engine.RankingModel.OpinionArrays(offsets, film, scoreNorm);
    }

    long bytes() {
        return offsets.length * 4L + film.length * (4L + 4 + 4 + 8 + 8);
    }

    /** Collects rows in any order, then groups them by reviewer and sorts each group by film. */
    private static final class Rows {
        int n;
        int[] reviewer;
        int[] film;
        float[] scoreNorm;
        float[] score;
        String[][] tags;
        Aspect[][] aspects;

        Rows(int capacity) {
            reviewer = new int[capacity];
            film = new int[capacity];
            scoreNorm = new float[capacity];
            score = new float[capacity];
            tags = new String[capacity][];
            aspects = new Aspect[capacity][];
        }

        void add(int r, int f, float norm, float raw, String[] t, Aspect[] a) {
            reviewer[n] = r;
            film[n] = f;
            scoreNorm[n] = norm;
            score[n] = raw;
            tags[n] = t;
            aspects[n] = a;
            n++;
        }

        Opinions build(int reviewers, Set<String> aspectNames) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> reviewer[a] != reviewer[b] ? Integer.compare(reviewer[a], reviewer[b])
                    : Integer.compare(film[a], film[b]));
            int[] offsets = new int[reviewers + 1];
            int[] f = new int[n];
            float[] norm = new float[n];
            float[] raw = new float[n];
            String[][] t = new String[n][];
            Aspect[][] a = new Aspect[n][];
            for (int i = 0; i < n; i++) {
                int src = order[i];
                offsets[reviewer[src] + 1]++;
                f[i] = film[src];
                norm[i] = scoreNorm[src];
                raw[i] = score[src];
                t[i] = tags[src];
                a[i] = aspects[src];
            }
            for (int r = 0; r < reviewers; r++) {
                offsets[r + 1] += offsets[r];
            }
            return new Opinions(offsets, f, norm, raw, t, a, aspectNames);
        }
    }
}
