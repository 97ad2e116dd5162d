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
        ReviewerRows r = ReviewerRows.of(reviewers.select("reviewer_id", "bias", "mean_norm", "sd_norm", "factors",
                ModelTables.IMPLICIT_FACTORS).orderBy("reviewer_id").collectAsList(), rank, implicitRank);
        FilmRows f = FilmRows.of(films, rank, implicitRank);
        String[] reviewerIds = r.ids();
        String[] filmIds = f.ids();
        Map<String, Integer> reviewerIndex = index(reviewerIds);
        Map<String, Integer> filmIndex = index(filmIds);
        RankingModel model = new RankingModel(globalMean, params, r.arrays(), f.arrays(),
                opinions(opinionRows, reviewerIndex, filmIndex));
        return new Indexed(model, reviewerIds, filmIds, reviewerIndex, filmIndex);
    }

    /**
     * The same model with other opinions (the reviewers' and films' arrays shared), for a caller that ranks only some
     * reviewers and so collects only their opinions: a reviewer without rows here has none in the returned model.
     */
    public static Indexed withOpinions(Indexed m, List<Row> opinionRows) {
        RankingModel model = new RankingModel(m.model().globalMean(), m.model().params(), m.model().reviewers(),
                m.model().films(), opinions(opinionRows, m.reviewerIndex(), m.filmIndex()));
        return new Indexed(model, m.reviewerIds(), m.filmIds(), m.reviewerIndex(), m.filmIndex());
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

    /**
     * Reviewer rows ({@code reviewer_id, bias, mean_norm, sd_norm, factors, implicit_factors} first, in that order)
     * converted as serving converts them: biases as floats, a null mean or sd NaN, a null factors row absent.
     */
    record ReviewerRows(String[] ids, float[] bias, double[] mean, double[] sd, FactorColumn factors,
                        FactorColumn implicit) {
        static ReviewerRows of(List<Row> rows, int rank, int implicitRank) {
            int n = rows.size();
            ReviewerRows out = new ReviewerRows(new String[n], new float[n], new double[n], new double[n],
                    new FactorColumn(n, rank), new FactorColumn(n, implicitRank));
            for (int i = 0; i < n; i++) {
                Row row = rows.get(i);
                out.ids[i] = row.getString(0);
                out.bias[i] = (float) row.getDouble(1);
                out.mean[i] = row.isNullAt(2) ? Double.NaN : row.getDouble(2);
                out.sd[i] = row.isNullAt(3) ? Double.NaN : row.getDouble(3);
                out.factors.put(i, row, 4, out.ids[i]);
                out.implicit.put(i, row, 5, out.ids[i]);
            }
            return out;
        }

        RankingModel.ReviewerArrays arrays() {
            return new RankingModel.ReviewerArrays(bias, mean, sd, factors.build(), implicit.build());
        }
    }

    /** The films table collected in id order and converted as serving converts it (biases as floats). */
    record FilmRows(String[] ids, float[] bias, int[] nRatings, FactorColumn factors, FactorColumn implicit) {
        static FilmRows of(Dataset<Row> films, int rank, int implicitRank) {
            List<Row> rows = films.select("film_id", "bias", "n_ratings", "factors", ModelTables.IMPLICIT_FACTORS)
                    .orderBy("film_id").collectAsList();
            int n = rows.size();
            FilmRows out = new FilmRows(new String[n], new float[n], new int[n], new FactorColumn(n, rank),
                    new FactorColumn(n, implicitRank));
            for (int i = 0; i < n; i++) {
                Row row = rows.get(i);
                out.ids[i] = row.getString(0);
                out.bias[i] = (float) row.getDouble(1);
                out.nRatings[i] = row.getInt(2);
                out.factors.put(i, row, 3, out.ids[i]);
                out.implicit.put(i, row, 4, out.ids[i]);
            }
            return out;
        }

        RankingModel.FilmArrays arrays() {
            return new RankingModel.FilmArrays(bias, nRatings, factors.build(), implicit.build());
        }
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
