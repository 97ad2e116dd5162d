package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.col;

import dev.vouch.engine.Factors;
import dev.vouch.engine.RankParams;
import dev.vouch.engine.RankingModel;
import dev.vouch.jobs.publish.ModelTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The ranking engine's model built on the driver from the published tables' rows, exactly as serving builds it from
 * the Parquet files: rows ordered by id (Spark, like DuckDB, orders strings by their UTF-8 bytes), biases and
 * score_norm as floats, missing factors absent. What the training job tunes and the evaluator scores is therefore
 * what serving ranks with.
 */
public final class RankingModels {
    private RankingModels() {}

    /** A ranking model and its ids: index i of the model is {@code reviewerIds[i]} / {@code filmIds[i]}. */
    public record Indexed(RankingModel model, String[] reviewerIds, String[] filmIds,
                          Map<String, Integer> reviewerIndex, Map<String, Integer> filmIndex) {
        public int reviewer(String id) {
            Integer i = reviewerIndex.get(id);
            return i == null ? -1 : i;
        }

        public int film(String id) {
            Integer i = filmIndex.get(id);
            return i == null ? -1 : i;
        }
    }

    /**
     * @param reviewers the reviewers table (needs reviewer_id, bias, mean_norm, sd_norm, factors, implicit_factors)
     * @param films     the films table (film_id, bias, n_ratings, factors, implicit_factors)
     * @param opinions  reviewer_id, film_id, score_norm
     */
    public static Indexed collect(Dataset<Row> reviewers, Dataset<Row> films, Dataset<Row> opinions,
                                  double globalMean, int rank, int implicitRank, RankParams params) {
        return collect(reviewers, films, opinionRows(opinions), globalMean, rank, implicitRank, params);
    }

    /** The opinion rows {@link #collect} reads ({@code reviewer_id, film_id, score_norm}), for callers that reuse them. */
    public static List<Row> opinionRows(Dataset<Row> opinions) {
        return opinions.select(col("reviewer_id"), col("film_id"), col("score_norm")).collectAsList();
    }

    /** As {@link #collect(Dataset, Dataset, Dataset, double, int, int, RankParams)} with the opinions collected. */
    public static Indexed collect(Dataset<Row> reviewers, Dataset<Row> films, List<Row> opinionRows,
                                  double globalMean, int rank, int implicitRank, RankParams params) {
        List<Row> r = reviewers.select("reviewer_id", "bias", "mean_norm", "sd_norm", "factors",
                ModelTables.IMPLICIT_FACTORS).orderBy("reviewer_id").collectAsList();
        List<Row> f = films.select("film_id", "bias", "n_ratings", "factors", ModelTables.IMPLICIT_FACTORS)
                .orderBy("film_id").collectAsList();
        String[] reviewerIds = new String[r.size()];
        float[] rBias = new float[r.size()];
        double[] mean = new double[r.size()];
        double[] sd = new double[r.size()];
        FactorColumn rFactors = new FactorColumn(r.size(), rank);
        FactorColumn rImplicit = new FactorColumn(r.size(), implicitRank);
        for (int i = 0; i < r.size(); i++) {
            Row row = r.get(i);
            reviewerIds[i] = row.getString(0);
            rBias[i] = (float) row.getDouble(1);
            mean[i] = row.isNullAt(2) ? Double.NaN : row.getDouble(2);
            sd[i] = row.isNullAt(3) ? Double.NaN : row.getDouble(3);
            rFactors.put(i, row, 4, reviewerIds[i]);
            rImplicit.put(i, row, 5, reviewerIds[i]);
        }
        String[] filmIds = new String[f.size()];
        float[] fBias = new float[f.size()];
        int[] n = new int[f.size()];
        FactorColumn fFactors = new FactorColumn(f.size(), rank);
        FactorColumn fImplicit = new FactorColumn(f.size(), implicitRank);
        for (int i = 0; i < f.size(); i++) {
            Row row = f.get(i);
            filmIds[i] = row.getString(0);
            fBias[i] = (float) row.getDouble(1);
            n[i] = row.getInt(2);
            fFactors.put(i, row, 3, filmIds[i]);
            fImplicit.put(i, row, 4, filmIds[i]);
        }
        Map<String, Integer> reviewerIndex = index(reviewerIds);
        Map<String, Integer> filmIndex = index(filmIds);
        RankingModel model = new RankingModel(globalMean, params,
                new RankingModel.ReviewerArrays(rBias, mean, sd, rFactors.build(), rImplicit.build()),
                new RankingModel.FilmArrays(fBias, n, fFactors.build(), fImplicit.build()),
                opinions(opinionRows, reviewerIndex, filmIndex));
        return new Indexed(model, reviewerIds, filmIds, reviewerIndex, filmIndex);
    }

    /** Grouped by reviewer, films ascending within a reviewer; rows with unknown ids are skipped, as serving does. */
    private static RankingModel.OpinionArrays opinions(List<Row> rows, Map<String, Integer> reviewers,
                                                      Map<String, Integer> films) {
        List<long[]> kept = new ArrayList<>(rows.size());
        List<Float> norms = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Integer r = reviewers.get(row.getString(0));
            Integer f = films.get(row.getString(1));
            if (r != null && f != null) {
                kept.add(new long[] {r, f, norms.size()});
                norms.add(row.isNullAt(2) ? Float.NaN : (float) row.getDouble(2));
            }
        }
        kept.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int[] start = new int[reviewers.size() + 1];
        int[] film = new int[kept.size()];
        float[] norm = new float[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            long[] k = kept.get(i);
            start[(int) k[0] + 1]++;
            film[i] = (int) k[1];
            norm[i] = norms.get((int) k[2]);
        }
        for (int i = 0; i < reviewers.size(); i++) {
            start[i + 1] += start[i];
        }
        return new RankingModel.OpinionArrays(start, film, norm);
    }

    private static Map<String, Integer> index(String[] ids) {
        Map<String, Integer> out = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            out.put(ids[i], i);
        }
        return out;
    }

    /** One factor column of collected rows, as serving reads it: floats, a null row absent. */
    static final class FactorColumn {
        final int rank;
        final float[] values;
        final boolean[] present;

        FactorColumn(int rows, int rank) {
            this.rank = rank;
            this.values = new float[rows * rank];
            this.present = new boolean[rows];
        }

        void put(int i, Row row, int column, String id) {
            if (row.isNullAt(column)) {
                return;
            }
            List<Object> list = row.getList(column);
            float[] v = new float[list.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = ((Number) list.get(k)).floatValue();
            }
            Factors.put(values, present, rank, i, v, "factors", id);
        }

        Factors build() {
            return new Factors(rank, values, present);
        }
    }
}
