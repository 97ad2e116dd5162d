package dev.vouch.jobs.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.common.TestSpark;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class FoldsTest {
    private final SparkSession spark = TestSpark.get();

    private List<Row> assign(Dataset<Row> ids, int k, long seed) {
        return ids.select(col("review_id"), Folds.of(col("review_id"), k, seed).as("fold")).orderBy("review_id")
                .collectAsList();
    }

    @Test
    void deterministicPartitionIntoKFolds() {
        List<String> raw = IntStream.range(0, 500).mapToObj(i -> "filmtrust:" + i + "/filmtrust:" + (i * 7)).toList();
        Dataset<Row> ids = spark.createDataset(raw, Encoders.STRING()).toDF("review_id");
        List<Row> a = assign(ids, 5, 42);
        // Same ids, other partitioning: same folds.
        List<Row> b = assign(ids.repartition(3), 5, 42);
        assertThat(b).isEqualTo(a);
        assertThat(a).hasSize(500);
        assertThat(a).extracting(r -> r.getInt(1)).allMatch(f -> f >= 0 && f < 5);
        // Every fold is used and none is wildly off 100.
        for (int f = 0; f < 5; f++) {
            int fold = f;
            assertThat(a.stream().filter(r -> r.getInt(1) == fold).count()).isBetween(60L, 140L);
        }
        // Another seed reshuffles.
        assertThat(assign(ids, 5, 7)).isNotEqualTo(a);
    }
}
