package dev.vouch.serving.model;

import dev.vouch.engine.Factors;

import java.util.List;

/** The reviewers table in memory: dense index per reviewer_id, columns as arrays. Immutable. */
public final class Reviewers {
    private final IdIndex ids;
    private final String[] names;
    private final String[] roles;
    private final int[] nReviews;
    private final int[] nRated;
    private final double[] meanNorm;
    private final double[] sdNorm;
    private final float[] bias;
    private final String[][] topTags;
    private final Factors factors;
    private final Factors implicit;

    private Reviewers(String[] idArray, String[] names, String[] roles, int[] nReviews, int[] nRated,
                      double[] meanNorm, double[] sdNorm, float[] bias, String[][] topTags, Factors factors,
                      Factors implicit) {
        this.ids = new IdIndex(idArray, ModelLayout.REVIEWERS);
        this.names = names;
        this.roles = roles;
        this.nReviews = nReviews;
        this.nRated = nRated;
        this.meanNorm = meanNorm;
        this.sdNorm = sdNorm;
        this.bias = bias;
        this.topTags = topTags;
        this.factors = factors;
        this.implicit = implicit;
    }

    static Reviewers load(TableReader reader, int rank, int implicitRank) {
        int n = reader.count(ModelLayout.REVIEWERS);
        String[] ids = new String[n];
        String[] names = new String[n];
        String[] roles = new String[n];
        int[] nReviews = new int[n];
        int[] nRated = new int[n];
        double[] mean = new double[n];
        double[] sd = new double[n];
        float[] bias = new float[n];
        String[][] tags = new String[n][];
        float[] values = new float[n * rank];
        boolean[] present = new boolean[n];
        float[] implicitValues = new float[n * implicitRank];
        boolean[] implicitPresent = new boolean[n];
        int[] i = {0};
        reader.forEach(ModelLayout.REVIEWERS, "reviewer_id, name, role, n_reviews, n_rated, mean_norm, sd_norm, bias, "
                + "top_tags, factors, implicit_factors", "reviewer_id", rs -> {
            int k = i[0]++;
            ids[k] = rs.getString("reviewer_id");
            String name = rs.getString("name");
            names[k] = name == null || name.isBlank() ? ids[k] : name;
            roles[k] = rs.getString("role");
            nReviews[k] = rs.getInt("n_reviews");
            nRated[k] = rs.getInt("n_rated");
            mean[k] = TableReader.doubleOrNaN(rs, "mean_norm");
            sd[k] = TableReader.doubleOrNaN(rs, "sd_norm");
            bias[k] = (float) rs.getDouble("bias");
            tags[k] = TableReader.strings(rs, "top_tags");
            FactorRows.put(values, present, rank, k, TableReader.floatsOrNull(rs, "factors"), "reviewers", ids[k]);
            FactorRows.put(implicitValues, implicitPresent, implicitRank, k, TableReader.floatsOrNull(rs,
                    "implicit_factors"), "reviewers (implicit)", ids[k]);
        });
        return new Reviewers(ids, names, roles, nReviews, nRated, mean, sd, bias, tags,
                new Factors(rank, values, present), new Factors(implicitRank, implicitValues, implicitPresent));
    }

    public int size() {
        return ids.size();
    }

    /** Dense index of a reviewer id, or -1 when unknown. */
    public int indexOf(String reviewerId) {
        return ids.indexOf(reviewerId);
    }

    public String id(int reviewer) {
        return ids.id(reviewer);
    }

    public String name(int reviewer) {
        return names[reviewer];
    }

    /** The role, or null. */
    public String role(int reviewer) {
        return roles[reviewer];
    }

    public int nReviews(int reviewer) {
        return nReviews[reviewer];
    }

    public int nRated(int reviewer) {
        return nRated[reviewer];
    }

    /** Mean score_norm, NaN when the reviewer gave no score. */
    public double meanNorm(int reviewer) {
        return meanNorm[reviewer];
    }

    /** Population standard deviation of score_norm, NaN when unknown. */
    public double sdNorm(int reviewer) {
        return sdNorm[reviewer];
    }

    public float bias(int reviewer) {
        return bias[reviewer];
    }

    /** Most used tags, most frequent first. */
    public List<String> topTags(int reviewer) {
        return List.of(topTags[reviewer]);
    }

    public Factors factors() {
        return factors;
    }

    /** Implicit (who-watched-what) factors. */
    public Factors implicit() {
        return implicit;
    }

    /** The engine's view of the same columns (shares the arrays, which nobody modifies). */
    public dev.vouch.engine.RankingModel.ReviewerArrays engineArrays() {
        return new dev.vouch.engine.RankingModel.ReviewerArrays(bias, meanNorm, sdNorm, factors, implicit);
    }

    long bytes() {
        return factors.bytes() + size() * (4L + 4 + 4 + 8 + 8 + 4 + 96);
    }
}
