package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import dev.vouch.engine.Factors;
import dev.vouch.engine.RankParams;
import dev.vouch.engine.RankingModel;
import dev.vouch.engine.TopList;
import dev.vouch.engine.TopLists;
import dev.vouch.jobs.common.Checkpoints;
import dev.vouch.jobs.publish.ModelTables;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Every reviewer's list of "I trust R" (the engine's {@link TopList}: the first {@value TopList#SIZE} films with their
 * scores), computed from the published tables as serving reads them, for the optional {@code reviewer_lists} table.
 * Serving answers "I trust R" and trust sets from these lists; without them it computes each list on a reviewer's
 * first request, which on a large catalogue is a pass over every film.
 *
 * <p>The films side (ids, biases, counts and factors: in proportion to the films) is collected once and broadcast.
 * Reviewers travel with their own opinions, a few thousand per task; each task builds the engine's model of its
 * reviewers against every film and runs the blocked product {@link TopLists}. Nothing in proportion to the ratings
 * reaches the driver. The lists equal what serving would compute (same floats, the same tie order: films are indexed
 * in id order, as Spark and DuckDB both sort strings by their UTF-8 bytes).
 */
public final class ReviewerLists {
    /** Reviewers per task. */
    static final int REVIEWERS_PER_TASK = 2_000;

    private ReviewerLists() {
    }

    /** The films side of the model, as serving builds it; sent to every task. */
    record FilmSide(String[] ids, float[] bias, int[] nRatings, int rank, float[] factors, boolean[] hasFactors,
                    int implicitRank, float[] implicit, boolean[] hasImplicit) implements Serializable {
        RankingModel.FilmArrays arrays() {
            return new RankingModel.FilmArrays(bias, nRatings, new Factors(rank, factors, hasFactors),
                    new Factors(implicitRank, implicit, hasImplicit));
        }
    }

    /**
     * The {@code reviewer_lists} table ({@link ModelTables#REVIEWER_LISTS_SCHEMA}) of a published model's reviewers
     * ({@code reviewerCount} rows), films and opinions tables.
     */
    public static Dataset<Row> of(Dataset<Row> reviewers, long reviewerCount, Dataset<Row> films,
                                  Dataset<Row> opinions, double globalMean, int rank, int implicitRank,
                                  RankParams params) {
        SparkSession spark = reviewers.sparkSession();
        RankingModels.FilmRows f = RankingModels.FilmRows.of(films, rank, implicitRank);
        Broadcast<FilmSide> side = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(
                new FilmSide(f.ids(), f.bias(), f.nRatings(), rank, f.factors().values, f.factors().present,
                        implicitRank, f.implicit().values, f.implicit().present));
        Dataset<Row> own = opinions.groupBy("reviewer_id")
                .agg(collect_list(struct(col("film_id"), col("score_norm"))).as("opinions"));
        int tasks = (int) Math.max(2, (reviewerCount + REVIEWERS_PER_TASK - 1) / REVIEWERS_PER_TASK);
        Dataset<Row> input = reviewers.select("reviewer_id", "bias", "mean_norm", "sd_norm", "factors",
                        ModelTables.IMPLICIT_FACTORS)
                .join(own, reviewers.col("reviewer_id").equalTo(own.col("reviewer_id")), "left")
                .select(reviewers.col("reviewer_id"), col("bias"), col("mean_norm"), col("sd_norm"), col("factors"),
                        col(ModelTables.IMPLICIT_FACTORS),
                        coalesce(col("opinions"), functions.array()).as("opinions"))
                .repartition(tasks, col("reviewer_id"));
        MapPartitionsFunction<Row, Row> list = rows -> lists(rows, side.value(), globalMean, rank, implicitRank,
                params);
        // Cut here: the model's writer coalesces every table to one file, which would otherwise pull this whole
        // computation into a single task.
        return Checkpoints.cut(input.mapPartitions(list, Encoders.row(ModelTables.REVIEWER_LISTS_SCHEMA)));
    }

    /** One task: its reviewers' model against every film, and their lists. */
    static Iterator<Row> lists(Iterator<Row> rows, FilmSide films, double globalMean, int rank, int implicitRank,
                               RankParams params) {
        List<Row> rs = new ArrayList<>();
        rows.forEachRemaining(rs::add);
        if (rs.isEmpty()) {
            return List.<Row>of().iterator();
        }
        Map<String, Integer> filmIndex = new HashMap<>(films.ids().length * 2);
        for (int i = 0; i < films.ids().length; i++) {
            filmIndex.put(films.ids()[i], i);
        }
        int m = rs.size();
        RankingModels.ReviewerRows reviewers = RankingModels.ReviewerRows.of(rs, rank, implicitRank);
        String[] reviewerIds = reviewers.ids();
        int[] start = new int[m + 1];
        List<long[]> own = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            List<Row> opinions = rs.get(i).getList(6);
            long[] kept = new long[opinions.size()];
            int k = 0;
            for (Row o : opinions) {
                Integer film = filmIndex.get(o.getString(0));
                if (film != null) {
                    // film index in the high half, the float's bits in the low half: sorts by film
                    float norm = o.isNullAt(1) ? Float.NaN : (float) o.getDouble(1);
                    kept[k++] = ((long) film << 32) | (Float.floatToRawIntBits(norm) & 0xffffffffL);
                }
            }
            kept = Arrays.copyOf(kept, k);
            Arrays.sort(kept);
            own.add(kept);
            start[i + 1] = start[i] + k;
        }
        int[] film = new int[start[m]];
        float[] norm = new float[start[m]];
        for (int i = 0; i < m; i++) {
            long[] kept = own.get(i);
            for (int j = 0; j < kept.length; j++) {
                film[start[i] + j] = (int) (kept[j] >>> 32);
                norm[start[i] + j] = Float.intBitsToFloat((int) kept[j]);
            }
        }
        RankingModel model = new RankingModel(globalMean, params, reviewers.arrays(), films.arrays(),
                new RankingModel.OpinionArrays(start, film, norm));
        TopList[] lists = TopLists.of(model, 0, m);
        List<Row> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            TopList l = lists[i];
            String[] listed = new String[l.size()];
            Float[] scores = new Float[l.size()];
            for (int j = 0; j < listed.length; j++) {
                listed[j] = films.ids()[l.films()[j]];
                scores[j] = l.scores()[j];
            }
            out.add(RowFactory.create(reviewerIds[i], listed, scores, l.complete()));
        }
        return out.iterator();
    }
}
