package dev.vouch.jobs.train;

import dev.vouch.jobs.common.Checkpoints;
import static org.apache.spark.sql.functions.*;

import org.apache.mahout.math.stats.LogLikelihood;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Co-occurrence similarity by Dunning's log-likelihood ratio, computed with Mahout's {@link LogLikelihood}, as a
 * Spark job (Mahout's own Spark bindings do not run on Spark 4). Input: {@code basket, item} rows (e.g. reviewer and
 * liked film); output: for each item its most similar items by LLR, {@code item, other, llr, k11}.
 */
public final class Llr {
    private Llr() {}

    static final UserDefinedFunction LLR = udf((UDF4<Long, Long, Long, Long, Double>)
            (k11, k12, k21, k22) -> LogLikelihood.logLikelihoodRatio(k11, k12, k21, k22), DataTypes.DoubleType);

    /**
     * @param maxPerBasket a basket with more items is down-sampled (seeded) to this many, so pairs stay linear
     * @param top          items kept per item, best LLR first
     * @param minK11       pairs seen together fewer times are ignored
     */
    public static Dataset<Row> similar(Dataset<Row> basketItem, int maxPerBasket, int top, int minK11, long seed) {
        Dataset<Row> bi = Checkpoints.cut(basketItem.select(col("basket"), col("item")).distinct()
                .withColumn("_r", row_number().over(Window.partitionBy("basket").orderBy(xxhash64(col("item"), lit(seed)))))
                .filter(col("_r").leq(maxPerBasket)).drop("_r"));
        long n = bi.select("basket").distinct().count();
        Dataset<Row> itemCounts = bi.groupBy("item").agg(count(lit(1)).as("n_item"));
        Dataset<Row> a = bi.withColumnRenamed("item", "item_a");
        Dataset<Row> b = bi.withColumnRenamed("item", "item_b");
        Dataset<Row> pairs = a.join(b, "basket").filter(col("item_a").notEqual(col("item_b")))
                .groupBy("item_a", "item_b").agg(count(lit(1)).as("k11"))
                .filter(col("k11").geq(minK11));
        // LLR is high for strong negative association too; keep only pairs seen together more than chance predicts.
        Dataset<Row> withCounts = pairs
                .join(itemCounts.withColumnRenamed("item", "item_a").withColumnRenamed("n_item", "n_a"), "item_a")
                .join(itemCounts.withColumnRenamed("item", "item_b").withColumnRenamed("n_item", "n_b"), "item_b");
        Dataset<Row> scored = withCounts.withColumn("llr", LLR.apply(col("k11"),
                col("n_a").minus(col("k11")), col("n_b").minus(col("k11")),
                lit(n).minus(col("n_a")).minus(col("n_b")).plus(col("k11"))));
        return scored.filter(col("k11").multiply(n).gt(col("n_a").multiply(col("n_b"))))
                .withColumn("_rank", row_number().over(Window.partitionBy("item_a")
                        .orderBy(col("llr").desc(), col("item_b"))))
                .filter(col("_rank").leq(top).and(col("llr").gt(0)))
                .select(col("item_a").as("item"), col("item_b").as("other"), col("llr"), col("k11"));
    }
}
