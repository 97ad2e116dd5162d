package dev.vouch.jobs.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.engine.RankParams;
import dev.vouch.jobs.common.SparkOptions;
import dev.vouch.jobs.common.SparkSessions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Times the reviewer_lists step alone on a published model (it is part of {@code vouch train}):
 * {@code java -cp <jobs test classpath> dev.vouch.jobs.train.ReviewerListsBench <version folder> <out folder>}.
 * Prints the wall time, the rows and the lists cut at 500. A benchmark, not a test.
 */
public final class ReviewerListsBench {
    private ReviewerListsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        String out = args[1];
        JsonNode m = new ObjectMapper().readTree(model.resolve("manifest.json").toFile());
        JsonNode r = m.get("ranking");
        RankParams params = new RankParams(r.get("implicit_weight").asDouble(), r.get("rating_weight").asDouble(),
                r.get("popularity_weight").asDouble(), r.get("personal_half").asDouble(), r.get("reg_param").asDouble(),
                r.get("bias_reg").asDouble(), r.get("implicit_reg_param").asDouble(), r.get("implicit_alpha").asDouble(),
                r.get("implicit_confidence").asText().equals("rating"));
        SparkSession spark = SparkSessions.open("reviewer-lists-bench", SparkOptions.local("local[2]"));
        long t = System.nanoTime();
        var reviewers = spark.read().parquet(model.resolve("reviewers").toString());
        long n = reviewers.count();
        ReviewerLists.of(reviewers, n, spark.read().parquet(model.resolve("films").toString()),
                        spark.read().parquet(model.resolve("opinions").toString()), m.get("global_mean").asDouble(),
                        m.get("rank").asInt(), r.get("implicit_rank").asInt(), params)
                .coalesce(1).write().mode("overwrite").parquet(out);
        double s = (System.nanoTime() - t) / 1e9;
        var written = spark.read().parquet(out);
        System.out.printf("reviewer_lists of %d reviewers, %d films: %.1f s wall; %d rows, %d cut at 500%n", n,
                spark.read().parquet(model.resolve("films").toString()).count(), s, written.count(),
                written.filter("NOT complete").count());
        spark.stop();
    }
}
