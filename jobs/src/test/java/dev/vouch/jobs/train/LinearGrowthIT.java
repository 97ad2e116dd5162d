package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.common.TestSpark;
import dev.vouch.jobs.generate.SyntheticOpinions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards linear growth by structure, not by time: fitting the rating model (biases + ALS) on 200,000 opinions sends
 * the driver hardly more than fitting it on 20,000 opinions of the same reviewers and films does, so nothing is
 * collected (or broadcast, which collects first) in proportion to the ratings. Before the bias joins were hinted,
 * Spark broadcast the ratings themselves: one stage sent the driver 1.8 MB at 200k opinions.
 */
class LinearGrowthIT {
    private static final int REVIEWERS = 2_000;
    private static final int FILMS = 4_000;

    /** What the tasks of one fit sent the driver: in all, and in the stage that sent most. */
    private record Driver(long bytes, long largestStage) {}

    private static final class ResultBytes extends SparkListener {
        final Map<Integer, Long> byStage = new ConcurrentHashMap<>();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null) {
                byStage.merge(end.stageId(), end.taskMetrics().resultSize(), Long::sum);
            }
        }

        Driver driver() {
            return new Driver(byStage.values().stream().mapToLong(Long::longValue).sum(),
                    byStage.values().stream().mapToLong(Long::longValue).max().orElse(0));
        }
    }

    private static Driver fit(Path dir, int opinions) throws Exception {
        SyntheticOpinions.write(dir, SyntheticOpinions.Params.defaults().withSize(REVIEWERS, FILMS, opinions));
        SparkSession spark = TestSpark.get();
        Dataset<Row> ratings = spark.read().option("header", true).csv(dir.resolve("ratings.csv").toString())
                .select(col("userId").cast("int").as(BiasedAls.REVIEWER), col("movieId").cast("int").as(BiasedAls.FILM),
                        col("rating").cast("double").divide(5).as(BiasedAls.RATING));
        ResultBytes listener = new ResultBytes();
        spark.sparkContext().listenerBus().waitUntilEmpty();
        spark.sparkContext().addSparkListener(listener);
        try {
            BiasedAlsModel model = new BiasedAls(4, 0.1, 2, 2.0, 42).fit(ratings);
            assertThat(model.filmFactors().count()).isGreaterThan(FILMS / 2);
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
        return listener.driver();
    }

    @Test
    void tenTimesTheOpinionsSendTheDriverHardlyMore(@TempDir Path tmp) throws Exception {
        Driver small = fit(tmp.resolve("20k"), 20_000);
        Driver large = fit(tmp.resolve("200k"), 200_000);
        System.out.printf("bytes sent to the driver: 20k opinions %s, 200k opinions %s%n", small, large);
        // Collecting per rating would multiply the bytes by ~10; task results (metrics, per-block counts, the bias
        // tables' broadcasts) vary a little with the data, so allow half again plus 64 KiB.
        assertThat(large.bytes()).isLessThan(small.bytes() * 3 / 2 + 65_536);
        // 200,000 opinions are 3.2 MB as (int, int, double); no stage sends the driver half a byte per opinion.
        assertThat(large.largestStage()).isLessThan(100_000);
    }
}
