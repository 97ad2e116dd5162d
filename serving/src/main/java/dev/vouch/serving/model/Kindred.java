package dev.vouch.serving.model;

/** The kindred table grouped by reviewer, best first (by score): who agrees with whom. Immutable. */
public final class Kindred {
    private final int[] offsets;
    private final int[] other;
    private final float[] score;
    private final float[] llr;
    private final int[] coRated;
    private final float[] agreement;

    private Kindred(int[] offsets, int[] other, float[] score, float[] llr, int[] coRated, float[] agreement) {
        this.offsets = offsets;
        this.other = other;
        this.score = score;
        this.llr = llr;
        this.coRated = coRated;
        this.agreement = agreement;
    }

    static Kindred load(TableReader reader, Reviewers reviewers, LoadLog log) {
        int capacity = reader.count(ModelLayout.KINDRED);
        int[] group = new int[capacity];
        int[] other = new int[capacity];
        float[] score = new float[capacity];
        float[] llr = new float[capacity];
        int[] coRated = new int[capacity];
        float[] agreement = new float[capacity];
        int[] n = {0};
        reader.forEach(ModelLayout.KINDRED, "reviewer_id, other_id, score, llr, co_rated, agreement",
                "score DESC, other_id", rs -> {
                    int r = reviewers.indexOf(rs.getString("reviewer_id"));
                    int o = reviewers.indexOf(rs.getString("other_id"));
                    if (r < 0 || o < 0 || r == o) {
                        log.dangling(ModelLayout.KINDRED);
                        return;
                    }
                    int k = n[0]++;
                    group[k] = r;
                    other[k] = o;
                    score[k] = (float) rs.getDouble("score");
                    llr[k] = (float) rs.getDouble("llr");
                    coRated[k] = rs.getInt("co_rated");
                    agreement[k] = (float) rs.getDouble("agreement");
                });
        Grouping g = new Grouping(group, n[0], reviewers.size());
        return new Kindred(g.offsets, Grouping.permute(other, g.order), Grouping.permute(score, g.order),
                Grouping.permute(llr, g.order), Grouping.permute(coRated, g.order),
                Grouping.permute(agreement, g.order));
    }

    /** First position of a reviewer's kindred list. */
    public int start(int reviewer) {
        return offsets[reviewer];
    }

    /** One past the last position of a reviewer's kindred list. */
    public int end(int reviewer) {
        return offsets[reviewer + 1];
    }

    /** The kindred reviewer at a position. */
    public int other(int position) {
        return other[position];
    }

    public float score(int position) {
        return score[position];
    }

    public float llr(int position) {
        return llr[position];
    }

    public int coRated(int position) {
        return coRated[position];
    }

    public float agreement(int position) {
        return agreement[position];
    }

    long bytes() {
        return offsets.length * 4L + other.length * 20L;
    }
}
