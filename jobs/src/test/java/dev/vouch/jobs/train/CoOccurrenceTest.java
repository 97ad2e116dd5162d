package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vouch.jobs.common.TestSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The blocked co-occurrence ({@link Llr#similar}) and the agreement grid ({@link Agreement#of}) against the plain joins
 * they replace, written here as Spark SQL, on random skewed data: the same pairs, the same counts, the same LLR to the
 * last bit, the same agreement to rounding.
 */
class CoOccurrenceTest {
    private static final SparkSession SPARK = TestSpark.get();

    /** The self-join formulation of {@link Llr#similar} (the code it replaced). */
    private static Dataset<Row> joinedLlr(Dataset<Row> basketItem, int maxPerBasket, int top, int minK11, long seed) {
        Dataset<Row> bi = basketItem.select(col("basket"), col("item")).distinct()
                .withColumn("_r", row_number().over(Window.partitionBy("basket").orderBy(xxhash64(col("item"), lit(seed)))))
                .filter(col("_r").leq(maxPerBasket)).drop("_r");
        long n = bi.select("basket").distinct().count();
        Dataset<Row> itemCounts = bi.groupBy("item").agg(count(lit(1)).as("n_item"));
        Dataset<Row> pairs = bi.withColumnRenamed("item", "item_a").join(bi.withColumnRenamed("item", "item_b"), "basket")
                .filter(col("item_a").notEqual(col("item_b")))
                .groupBy("item_a", "item_b").agg(count(lit(1)).as("k11")).filter(col("k11").geq(minK11));
        Dataset<Row> withCounts = pairs
                .join(itemCounts.withColumnRenamed("item", "item_a").withColumnRenamed("n_item", "n_a"), "item_a")
                .join(itemCounts.withColumnRenamed("item", "item_b").withColumnRenamed("n_item", "n_b"), "item_b");
        Dataset<Row> scored = withCounts.withColumn("llr", udf((org.apache.spark.sql.api.java.UDF4<Long, Long, Long, Long,
                        Double>) org.apache.mahout.math.stats.LogLikelihood::logLikelihoodRatio, DataTypes.DoubleType)
                .apply(col("k11"), col("n_a").minus(col("k11")), col("n_b").minus(col("k11")),
                        lit(n).minus(col("n_a")).minus(col("n_b")).plus(col("k11"))));
        return scored.filter(col("k11").multiply(n).gt(col("n_a").multiply(col("n_b"))))
                .withColumn("_rank", row_number().over(Window.partitionBy("item_a")
                        .orderBy(col("llr").desc(), col("item_b"))))
                .filter(col("_rank").leq(top).and(col("llr").gt(0)))
                .select(col("item_a").as("item"), col("item_b").as("other"), col("llr"), col("k11"));
    }

    private static Map<String, Row> byPair(Dataset<Row> rows) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : rows.collectAsList()) {
            assertThat(out.put(r.getString(0) + "→" + r.getString(1), r)).as("pair twice: " + r).isNull();
        }
        return out;
    }

    @Test
    void blockedLlrIsTheSelfJoinsAnswerToTheLastBit() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int basket = 0; basket < 400; basket++) {
            int size = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 12);
            for (int k = 0; k < size; k++) {
                // skewed: low item numbers are popular; a few repeats within a basket
                int item = (int) Math.floor(Math.pow(random.nextDouble(), 2) * 150);
                rows.add(RowFactory.create("b" + basket, "item-" + item));
            }
        }
        Dataset<Row> basketItem = SPARK.createDataFrame(rows, new StructType().add("basket", DataTypes.StringType)
                .add("item", DataTypes.StringType));
        for (int[] p : new int[][] {{15, 5, 2}, {100, 3, 1}, {8, 40, 2}}) {
            Map<String, Row> blocked = byPair(Llr.similar(basketItem, p[0], p[1], p[2], 42));
            Map<String, Row> joined = byPair(joinedLlr(basketItem, p[0], p[1], p[2], 42));
            assertThat(blocked).isNotEmpty();
            assertThat(blocked.keySet()).as("cap %d, top %d, min k11 %d", p[0], p[1], p[2])
                    .isEqualTo(joined.keySet());
            blocked.forEach((pair, r) -> {
                assertThat(r.getDouble(2)).as(pair).isEqualTo(joined.get(pair).getDouble(2));
                assertThat(r.getLong(3)).as(pair).isEqualTo(joined.get(pair).getLong(3));
            });
        }
    }

    @Test
    void agreementGridIsTheJoinsAnswer() {
        Random random = new Random(11);
        List<Row> rated = new ArrayList<>();
        for (int reviewer = 0; reviewer < 120; reviewer++) {
            int n = 1 + random.nextInt(30);
            for (int k = 0; k < n; k++) {
                String film = "f" + random.nextInt(60);
                rated.add(RowFactory.create("r" + reviewer, film, random.nextInt(11) / 10.0));
                if (random.nextInt(25) == 0) { // a film scored twice by one reviewer
                    rated.add(RowFactory.create("r" + reviewer, film, random.nextInt(11) / 10.0));
                }
            }
        }
        List<Row> pairs = new ArrayList<>();
        for (int k = 0; k < 900; k++) {
            int a = random.nextInt(125); // a few reviewers with no scores at all: no row
            int b = random.nextInt(125);
            if (a != b) {
                pairs.add(RowFactory.create("r" + a, "r" + b, random.nextDouble() * 10));
            }
        }
        Dataset<Row> ratings = SPARK.createDataFrame(rated, new StructType().add("reviewer_id", DataTypes.StringType)
                .add("film_id", DataTypes.StringType).add("score_norm", DataTypes.DoubleType));
        Dataset<Row> candidates = SPARK.createDataFrame(pairs, new StructType().add("item", DataTypes.StringType)
                .add("other", DataTypes.StringType).add("llr", DataTypes.DoubleType)).dropDuplicates("item", "other");

        Dataset<Row> a = ratings.toDF("item", "film_a", "s_a");
        Dataset<Row> b = ratings.toDF("other_b", "film_b", "s_b");
        Dataset<Row> joined = candidates.join(a, "item")
                .join(b, col("other").equalTo(col("other_b")).and(col("film_a").equalTo(col("film_b"))))
                .groupBy("item", "other").agg(first("llr").as("llr"), count(lit(1)).cast("int").as("co_rated"),
                        lit(1.0).minus(avg(abs(col("s_a").minus(col("s_b"))))).as("agreement"));

        Map<String, Row> grid = byPair(Agreement.of(ratings, candidates, Agreement.Ids.of(ratings)));
        // numbered from tables that list more reviewers and films than scored anything: the same answer
        Dataset<Row> moreReviewers = ratings.groupBy("reviewer_id").agg(count(lit(1)).as("n_rated"))
                .union(SPARK.createDataFrame(List.of(RowFactory.create("r-none", 0L), RowFactory.create("a-none", 0L)),
                        new StructType().add("reviewer_id", DataTypes.StringType).add("n_rated", DataTypes.LongType)));
        Dataset<Row> moreFilms = ratings.select("film_id").union(SPARK.createDataFrame(
                List.of(RowFactory.create("f-unseen"), RowFactory.create("0-unseen")),
                new StructType().add("film_id", DataTypes.StringType))).distinct();
        assertThat(byPair(Agreement.of(ratings, candidates, Agreement.Ids.of(moreReviewers, moreFilms))))
                .isEqualTo(grid);
        Map<String, Row> expected = byPair(joined);
        assertThat(grid).hasSizeGreaterThan(100);
        assertThat(grid.keySet()).isEqualTo(expected.keySet());
        grid.forEach((pair, r) -> {
            Row e = expected.get(pair);
            assertThat(r.getDouble(2)).as(pair).isEqualTo(e.getDouble(2));
            assertThat(r.getInt(3)).as(pair).isEqualTo(e.getInt(3));
            assertThat(r.getDouble(4)).as(pair).isCloseTo(e.getDouble(4), within(1e-12));
        });
        assertThat(grid.values()).anySatisfy(r -> assertThat(r.getInt(3)).isGreaterThan(3));
    }
}
