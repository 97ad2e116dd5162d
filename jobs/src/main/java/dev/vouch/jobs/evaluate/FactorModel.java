package dev.vouch.jobs.evaluate;

import dev.vouch.jobs.train.BiasedAlsModel;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Our model, collected to the driver: {@code μ + b_reviewer + b_film + p·q} in normalised units, the formula of
 * {@link BiasedAlsModel#predict} (docs/DATA.md, section 2). Without factors it is the "biases only" baseline. A
 * reviewer or film unknown to training has bias 0 and no factors, as in the model itself.
 */
final class FactorModel implements FoldModel {
    private final FoldSplit split;
    private final double mu;
    private final double[] reviewerBias;
    private final double[] filmBias;
    /** null when biases only; a row is null for an index without factors */
    private final float[][] reviewerFactors;
    private final float[][] filmFactors;

    private FactorModel(FoldSplit split, double mu, double[] reviewerBias, double[] filmBias,
                        float[][] reviewerFactors, float[][] filmFactors) {
        this.split = split;
        this.mu = mu;
        this.reviewerBias = reviewerBias;
        this.filmBias = filmBias;
        this.reviewerFactors = reviewerFactors;
        this.filmFactors = filmFactors;
    }

    /** Collects biases and factors of a model fitted on this fold's training ratings. */
    static FactorModel collect(BiasedAlsModel model, FoldSplit split) {
        int reviewers = split.table.reviewers;
        int films = split.table.films;
        return new FactorModel(split, model.globalMean(),
                biases(model.biases().reviewers().collectAsList(), reviewers),
                biases(model.biases().films().collectAsList(), films),
                factors(model.reviewerFactors().collectAsList(), reviewers),
                factors(model.filmFactors().collectAsList(), films));
    }

    /** The same biases without the factors. */
    FactorModel biasesOnly() {
        return new FactorModel(split, mu, reviewerBias, filmBias, null, null);
    }

    /** The unclipped normalised score: what ranking and the trust evaluation order by. */
    double score(int reviewer, int film) {
        double s = mu + reviewerBias[reviewer] + filmBias[film];
        if (reviewerFactors != null && reviewerFactors[reviewer] != null && filmFactors[film] != null) {
            float[] p = reviewerFactors[reviewer];
            float[] q = filmFactors[film];
            for (int i = 0; i < p.length; i++) {
                s += p[i] * q[i];
            }
        }
        return s;
    }

    @Override
    public double predict(int reviewer, int film) {
        return Math.max(0, Math.min(1, score(reviewer, film)));
    }

    @Override
    public int[] recommend(int reviewer, int k) {
        return TopK.of(split.catalogue, f -> split.ratedInTraining(reviewer, f), f -> score(reviewer, f), k);
    }

    /** Rows of (index, bias); indices missing from training keep 0. */
    private static double[] biases(List<Row> rows, int size) {
        double[] out = new double[size];
        for (Row r : rows) {
            out[r.getInt(0)] = r.getDouble(1);
        }
        return out;
    }

    /** Rows of ALS's (id, features). */
    private static float[][] factors(List<Row> rows, int size) {
        float[][] out = new float[size][];
        for (Row r : rows) {
            List<Float> f = r.getList(1);
            float[] v = new float[f.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = f.get(i);
            }
            out[r.getInt(0)] = v;
        }
        return out;
    }
}
