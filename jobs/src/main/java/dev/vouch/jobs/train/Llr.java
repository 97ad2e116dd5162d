package dev.vouch.jobs.train;

import dev.vouch.jobs.common.Checkpoints;
import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.mahout.math.stats.LogLikelihood;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Co-occurrence similarity by Dunning's log-likelihood ratio, computed with Mahout's {@link LogLikelihood}, as a
 * Spark job (Mahout's own Spark bindings do not run on Spark 4). Input: {@code basket, item} rows (e.g. reviewer and
 * liked film), items as strings; output: for each item its most similar items by LLR, {@code item, other, llr, k11}.
 *
 * <p>Pairs are counted blocked, not joined: items are numbered in Spark's string order and dealt into blocks; each
 * block's task receives every basket holding one of its items (as an int array) and counts, item by item, the items
 * seen beside it in a dense counter. A pair is never a row: at 10M opinions the self-join made 360M of them, and
 * shuffling them was the most expensive step of training. What travels is each basket once per block it touches; what
 * the driver collects is one count per item (the items, not the opinions).
 */
public final class Llr {
    private Llr() {}

    /** Output schema of {@link #similar}. */
    public static final StructType SIMILAR = new StructType().add("item", DataTypes.StringType)
            .add("other", DataTypes.StringType).add("llr", DataTypes.DoubleType).add("k11", DataTypes.LongType);

    /** Basket entries per block: the blocks grow in number with the data, so that each task's share of pairs stays. */
    static final long ENTRIES_PER_BLOCK = 1_000_000;

    /**
     * @param maxPerBasket a basket with more items is down-sampled (seeded) to this many, so pairs stay linear
     * @param top          items kept per item, best LLR first (ties: the other item's id)
     * @param minK11       pairs seen together fewer times are ignored
     */
    public static Dataset<Row> similar(Dataset<Row> basketItem, int maxPerBasket, int top, int minK11, long seed) {
        SparkSession spark = basketItem.sparkSession();
        Dataset<Row> bi = Checkpoints.cut(basketItem.select(col("basket"), col("item").cast("string")).distinct()
                .withColumn("_r", row_number().over(Window.partitionBy("basket").orderBy(xxhash64(col("item"), lit(seed)))))
                .filter(col("_r").leq(maxPerBasket)).drop("_r"));
        List<Row> counted = bi.groupBy("item").agg(count(lit(1)).as("n")).orderBy("item").collectAsList();
        long n = bi.select("basket").distinct().count();
        String[] items = new String[counted.size()];
        int[] inBaskets = new int[items.length];
        long entries = 0;
        for (int i = 0; i < items.length; i++) {
            items[i] = counted.get(i).getString(0);
            inBaskets[i] = (int) counted.get(i).getLong(1);
            entries += inBaskets[i];
        }
        int blocks = (int) Math.max(2L * spark.sparkContext().defaultParallelism(),
                (entries + ENTRIES_PER_BLOCK - 1) / ENTRIES_PER_BLOCK);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Counts> side = jsc.broadcast(new Counts(items, inBaskets, n));
        List<Row> numbered = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            numbered.add(RowFactory.create(items[i], i));
        }
        Dataset<Row> index = spark.createDataFrame(numbered, new StructType().add("item", DataTypes.StringType)
                .add("_i", DataTypes.IntegerType));
        JavaRDD<Row> baskets = bi.join(broadcast(index), "item").groupBy("basket")
                .agg(collect_list(col("_i")).as("items")).select("items").javaRDD();
        JavaPairRDD<Integer, int[]> dealt = baskets.flatMapToPair(r -> deal(r.getList(0), blocks))
                .partitionBy(new HashPartitioner(blocks));
        JavaRDD<Row> similar = dealt.mapPartitionsWithIndex((block, it) -> countBlock(block, blocks, it, side.value(), top,
                minK11), true);
        return spark.createDataFrame(similar, SIMILAR);
    }

    /** The items' ids (index order = Spark's string order), how many baskets hold each, and the number of baskets. */
    record Counts(String[] items, int[] inBaskets, long baskets) implements java.io.Serializable {}

    /** A basket's items (indexes), sent once to every block holding one of them. */
    static Iterator<Tuple2<Integer, int[]>> deal(List<Integer> basket, int blocks) {
        int[] items = new int[basket.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = basket.get(i);
        }
        boolean[] seen = new boolean[blocks];
        List<Tuple2<Integer, int[]>> out = new ArrayList<>(Math.min(blocks, items.length));
        for (int item : items) {
            int b = item % blocks;
            if (!seen[b]) {
                seen[b] = true;
                out.add(new Tuple2<>(b, items));
            }
        }
        return out.iterator();
    }

    /** One block: for each of its items (index ≡ block mod blocks), its best {@code top} co-occurring items. */
    static Iterator<Row> countBlock(int block, int blocks, Iterator<Tuple2<Integer, int[]>> dealt, Counts counts, int top,
                                    int minK11) {
        List<int[]> baskets = new ArrayList<>();
        dealt.forEachRemaining(t -> baskets.add(t._2()));
        int nItems = counts.items().length;
        int local = (nItems - block + blocks - 1) / blocks;
        if (local <= 0 || baskets.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        // baskets of each local item (compressed rows)
        int[] start = new int[local + 1];
        for (int[] basket : baskets) {
            for (int item : basket) {
                if (item % blocks == block) {
                    start[item / blocks + 1]++;
                }
            }
        }
        for (int i = 0; i < local; i++) {
            start[i + 1] += start[i];
        }
        int[] holding = new int[start[local]];
        int[] fill = start.clone();
        for (int b = 0; b < baskets.size(); b++) {
            for (int item : baskets.get(b)) {
                if (item % blocks == block) {
                    holding[fill[item / blocks]++] = b;
                }
            }
        }
        int[] together = new int[nItems];
        int[] touched = new int[nItems];
        long n = counts.baskets();
        List<Row> out = new ArrayList<>();
        // worst first: lowest LLR, then the largest index (ties go to the smaller id)
        PriorityQueue<double[]> best = new PriorityQueue<>(top + 1,
                (x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(y[1], x[1]));
        for (int l = 0; l < local; l++) {
            int a = l * blocks + block;
            int seen = 0;
            for (int h = start[l]; h < start[l + 1]; h++) {
                for (int other : baskets.get(holding[h])) {
                    if (other != a && together[other]++ == 0) {
                        touched[seen++] = other;
                    }
                }
            }
            long nA = counts.inBaskets()[a];
            for (int t = 0; t < seen; t++) {
                int b = touched[t];
                long k11 = together[b];
                together[b] = 0;
                long nB = counts.inBaskets()[b];
                // LLR is high for strong negative association too: keep pairs seen together more than chance predicts
                if (k11 < minK11 || k11 * n <= nA * nB) {
                    continue;
                }
                double llr = LogLikelihood.logLikelihoodRatio(k11, nA - k11, nB - k11, n - nA - nB + k11);
                if (llr > 0) {
                    best.add(new double[] {llr, b, k11});
                    if (best.size() > top) {
                        best.poll();
                    }
                }
            }
            int first = out.size();
            while (!best.isEmpty()) {
                double[] p = best.poll();
                out.add(RowFactory.create(counts.items()[a], counts.items()[(int) p[1]], p[0], (long) p[2]));
            }
            java.util.Collections.reverse(out.subList(first, out.size()));
        }
        return out.iterator();
    }
}
