package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.*;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * How far two reviewers agree, for given pairs of reviewers: over the films both scored, how many ({@code co_rated})
 * and {@code agreement} = 1 − mean |Δ score_norm| (a film either scored twice counts once per pair of scores, as a
 * join of their opinions would).
 *
 * <p>Computed on a grid, not by joining the opinions: reviewers are numbered and dealt into {@code g} blocks; the
 * pair (a, o) is scored in cell (block of a, block of o), which receives the sorted opinions of both blocks' reviewers
 * and merges each pair's two lists. Each reviewer's opinions travel to 2g − 1 cells, so the shuffle is a few times the
 * opinions, where joining the pairs with both reviewers' opinions made a row per pair and film (400M rows at 10M
 * opinions). The driver collects one row per reviewer and per film, never per opinion.
 */
final class Agreement {
    private Agreement() {}

    static final StructType SCHEMA = new StructType().add("item", DataTypes.StringType)
            .add("other", DataTypes.StringType).add("llr", DataTypes.DoubleType)
            .add("co_rated", DataTypes.IntegerType).add("agreement", DataTypes.DoubleType);

    /** Opinions per block of reviewers: a cell holds two blocks' opinions. */
    static final long OPINIONS_PER_BLOCK = 5_000_000;

    /** One reviewer's scored films (indexes, ascending; a film's duplicate scores side by side). */
    record Opinions(int reviewer, int[] films, double[] scores) implements Serializable {}

    /** One reviewer's candidates that fall in one cell. */
    record Candidates(int reviewer, int[] others, double[] llr) implements Serializable {}

    /** The reviewers (with how many films each scored) and the films, each in id order: the grid's numbering. */
    record Ids(List<String> reviewers, long opinions, List<String> films) {
        /** From the scored opinions themselves. */
        static Ids of(Dataset<Row> rated) {
            return of(rated.groupBy("reviewer_id").agg(count(lit(1)).as("n_rated")),
                    rated.select("film_id").distinct());
        }

        /**
         * From tables that list every reviewer ({@code reviewer_id, n_rated}) and every film ({@code film_id}) of the
         * opinions, and perhaps more (the model's reviewers and films tables): one row each, already computed.
         */
        static Ids of(Dataset<Row> reviewers, Dataset<Row> films) {
            List<String> ids = new ArrayList<>();
            long opinions = 0;
            for (Row r : reviewers.select(col("reviewer_id"), col("n_rated").cast("long")).orderBy("reviewer_id")
                    .collectAsList()) {
                ids.add(r.getString(0));
                opinions += r.getLong(1);
            }
            return new Ids(ids, opinions, films.select("film_id").orderBy("film_id").as(Encoders.STRING())
                    .collectAsList());
        }
    }

    /**
     * @param rated {@code reviewer_id, film_id, score_norm} (scored opinions)
     * @param pairs {@code item, other, llr}: reviewer ids
     * @param ids   every reviewer and film of {@code rated}, numbered
     * @return {@link #SCHEMA}: the pairs with at least one film both scored
     */
    static Dataset<Row> of(Dataset<Row> rated, Dataset<Row> pairs, Ids ids) {
        SparkSession spark = rated.sparkSession();
        String[] reviewers = ids.reviewers().toArray(String[]::new);
        long opinions = ids.opinions();
        int g = (int) Math.max(2, Math.ceil(Math.sqrt((double) opinions / OPINIONS_PER_BLOCK)));
        int cells = g * g;
        Dataset<Row> reviewerIndex = numbered(spark, ids.reviewers(), "reviewer_id", "_r");
        Dataset<Row> filmIndex = numbered(spark, ids.films(), "film_id", "_f");

        JavaPairRDD<Integer, Serializable> own = rated.join(broadcast(reviewerIndex), "reviewer_id")
                .join(broadcast(filmIndex), "film_id")
                .groupBy("_r").agg(collect_list(struct(col("_f"), col("score_norm"))).as("o")).javaRDD()
                .flatMapToPair(r -> toCells(opinions(r.getInt(0), r.getList(1)), g));
        Dataset<Row> a = reviewerIndex.toDF("item", "_a");
        Dataset<Row> o = reviewerIndex.toDF("other", "_o");
        JavaPairRDD<Integer, Serializable> wanted = pairs.select("item", "other", "llr")
                .join(broadcast(a), "item").join(broadcast(o), "other")
                .groupBy(col("_a"), pmod(col("_o"), lit(g)).as("_b"))
                .agg(collect_list(struct(col("_o"), col("llr"))).as("c")).javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getInt(0) % g * g + r.getInt(1), candidates(r.getInt(0), r.getList(2))));
        Broadcast<String[]> names = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(reviewers);
        JavaRDD<Row> scored = own.union(wanted).partitionBy(new HashPartitioner(cells))
                .mapPartitions(cell -> score(cell, names.value()), true);
        return spark.createDataFrame(scored, SCHEMA);
    }

    private static Dataset<Row> numbered(SparkSession spark, List<String> ids, String id, String index) {
        List<Row> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            rows.add(RowFactory.create(ids.get(i), i));
        }
        return spark.createDataFrame(rows, new StructType().add(id, DataTypes.StringType)
                .add(index, DataTypes.IntegerType));
    }

    /** A reviewer's opinions sorted by film, then score (so that the merge adds in a fixed order). */
    static Opinions opinions(int reviewer, List<Row> films) {
        long[] keyed = new long[films.size()];
        double[] scores = new double[films.size()];
        for (int i = 0; i < keyed.length; i++) {
            scores[i] = films.get(i).getDouble(1);
            keyed[i] = ((long) films.get(i).getInt(0) << 32) | i;
        }
        Integer[] order = new Integer[keyed.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int byFilm = Integer.compare((int) (keyed[x] >> 32), (int) (keyed[y] >> 32));
            return byFilm != 0 ? byFilm : Double.compare(scores[x], scores[y]);
        });
        int[] f = new int[order.length];
        double[] s = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            f[i] = (int) (keyed[order[i]] >> 32);
            s[i] = scores[order[i]];
        }
        return new Opinions(reviewer, f, s);
    }

    /** The cells that need a reviewer's opinions: its block's row and its block's column. */
    static Iterator<Tuple2<Integer, Serializable>> toCells(Opinions opinions, int g) {
        int block = opinions.reviewer() % g;
        List<Tuple2<Integer, Serializable>> out = new ArrayList<>(2 * g - 1);
        for (int j = 0; j < g; j++) {
            out.add(new Tuple2<>(block * g + j, opinions));
            if (j != block) {
                out.add(new Tuple2<>(j * g + block, opinions));
            }
        }
        return out.iterator();
    }

    static Candidates candidates(int reviewer, List<Row> others) {
        int[] o = new int[others.size()];
        double[] llr = new double[others.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = others.get(i).getInt(0);
            llr[i] = others.get(i).getDouble(1);
        }
        return new Candidates(reviewer, o, llr);
    }

    /** One cell: every candidate pair in it, merged. */
    static Iterator<Row> score(Iterator<Tuple2<Integer, Serializable>> cell, String[] ids) {
        Map<Integer, Opinions> opinions = new HashMap<>();
        List<Candidates> wanted = new ArrayList<>();
        cell.forEachRemaining(t -> {
            if (t._2() instanceof Opinions op) {
                opinions.put(op.reviewer(), op);
            } else {
                wanted.add((Candidates) t._2());
            }
        });
        List<Row> out = new ArrayList<>();
        for (Candidates c : wanted) {
            Opinions a = opinions.get(c.reviewer());
            for (int i = 0; i < c.others().length; i++) {
                Opinions o = opinions.get(c.others()[i]);
                if (a == null || o == null) {
                    continue;
                }
                double[] merged = merge(a, o);
                if (merged[0] > 0) {
                    out.add(RowFactory.create(ids[c.reviewer()], ids[c.others()[i]], c.llr()[i], (int) merged[0],
                            1.0 - merged[1] / merged[0]));
                }
            }
        }
        return out.iterator();
    }

    /** {pairs of scores of the same film, sum of their absolute differences}. */
    static double[] merge(Opinions a, Opinions o) {
        int[] fa = a.films();
        int[] fo = o.films();
        int i = 0;
        int j = 0;
        long n = 0;
        double sum = 0;
        while (i < fa.length && j < fo.length) {
            if (fa[i] < fo[j]) {
                i++;
            } else if (fa[i] > fo[j]) {
                j++;
            } else {
                int film = fa[i];
                int i2 = i;
                while (i2 < fa.length && fa[i2] == film) {
                    i2++;
                }
                int j2 = j;
                while (j2 < fo.length && fo[j2] == film) {
                    j2++;
                }
                for (int x = i; x < i2; x++) {
                    for (int y = j; y < j2; y++) {
                        n++;
                        sum += Math.abs(a.scores()[x] - o.scores()[y]);
                    }
                }
                i = i2;
                j = j2;
            }
        }
        return new double[] {n, sum};
    }
}
