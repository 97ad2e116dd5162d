package dev.vouch.engine;

/**
 * The scored opinions of a {@link RankingModel} indexed by film, for co-rating lookups: the opinions on film f are
 * entries {@code start(f) .. start(f+1)-1}, reviewers ascending. Each entry keeps its reviewer and its enthusiasm
 * {@code z = (score_norm − centre) / spread} on that reviewer's own habits ({@link RankingModel#center},
 * {@link RankingModel#spread}); {@link #z(int)} gives the same z by reviewer-major opinion position. Built once when
 * the model is built; immutable.
 */
public final class FilmOpinions {
    private final int[] start;
    private final int[] reviewer;
    private final float[] z;
    private final float[] zByPosition;

    private FilmOpinions(int[] start, int[] reviewer, float[] z, float[] zByPosition) {
        this.start = start;
        this.reviewer = reviewer;
        this.z = z;
        this.zByPosition = zByPosition;
    }

    static FilmOpinions of(RankingModel model) {
        RankingModel.OpinionArrays o = model.opinions();
        int films = model.filmCount();
        int[] start = new int[films + 1];
        float[] zByPosition = new float[o.film().length];
        for (int r = 0; r < model.reviewerCount(); r++) {
            double center = model.center(r);
            double spread = model.spread(r);
            for (int p = o.start()[r]; p < o.start()[r + 1]; p++) {
                float norm = o.norm()[p];
                zByPosition[p] = Float.isNaN(norm) ? Float.NaN : (float) ((norm - center) / spread);
                if (!Float.isNaN(norm)) {
                    start[o.film()[p] + 1]++;
                }
            }
        }
        for (int f = 0; f < films; f++) {
            start[f + 1] += start[f];
        }
        int[] next = start.clone();
        int[] reviewer = new int[start[films]];
        float[] z = new float[start[films]];
        // Reviewer-major order fills each film's entries with reviewers ascending.
        for (int r = 0; r < model.reviewerCount(); r++) {
            for (int p = o.start()[r]; p < o.start()[r + 1]; p++) {
                if (!Float.isNaN(zByPosition[p])) {
                    int e = next[o.film()[p]]++;
                    reviewer[e] = r;
                    z[e] = zByPosition[p];
                }
            }
        }
        return new FilmOpinions(start, reviewer, z, zByPosition);
    }

    /** First entry of film f. */
    public int start(int film) {
        return start[film];
    }

    /** One past the last entry of film f. */
    public int end(int film) {
        return start[film + 1];
    }

    /** The reviewer of an entry. */
    public int reviewer(int entry) {
        return reviewer[entry];
    }

    /** The z of an entry. */
    public float entryZ(int entry) {
        return z[entry];
    }

    /** The z of the opinion at a reviewer-major position of {@link RankingModel#opinions()}, NaN without a score. */
    public float z(int position) {
        return zByPosition[position];
    }

    long bytes() {
        return start.length * 4L + reviewer.length * 8L + zByPosition.length * 4L;
    }
}
