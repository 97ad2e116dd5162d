package dev.vouch.jobs.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.Tables;
import dev.vouch.jobs.common.TestSpark;
import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.train.TrainParams;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end on a planted world: 16 reviewers in two taste groups and 16 films; group A scores films 0–7 high and
 * 8–15 low, group B the opposite. Each reviewer rates 12 films. Biases cannot see the groups, factors can.
 */
class EvaluateJobTest {
    private static final String SNAPSHOT = "20260101-000000-000";
    private final SparkSession spark = TestSpark.get();

    @TempDir
    Path tmp;

    private Path plantedWarehouse() throws IOException {
        List<Row> reviews = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            for (int f = 0; f < 16; f++) {
                if ((r + f) % 4 == 0) {
                    continue;
                }
                boolean likes = (r < 8) == (f < 8);
                double score = (likes ? 4 : 1) + (r * 3 + f) % 2;
                String reviewer = "t:" + r;
                String film = "t:f" + f;
                reviews.add(RowFactory.create(reviewer + "/" + film, reviewer, film, score, 1.0, 5.0, score / 5.0,
                        List.of(), List.of(), null, null, "t", "ratings.txt", reviews.size() + 1));
            }
        }
        List<Row> trust = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            int friend = r < 8 ? (r + 1) % 8 : 8 + (r + 1) % 8;
            trust.add(RowFactory.create("t:" + r, "t:" + friend, 1.0, "t", "trust.txt", r + 1));
        }
        Path wh = tmp.resolve("wh");
        Path snap = wh.resolve(SNAPSHOT);
        spark.createDataFrame(reviews, Tables.REVIEWS_SCHEMA).coalesce(1).write()
                .parquet(snap.resolve(Tables.REVIEWS).toString());
        spark.createDataFrame(trust, Tables.TRUST_SCHEMA).coalesce(1).write()
                .parquet(snap.resolve(Tables.TRUST).toString());
        Files.writeString(wh.resolve("LATEST"), SNAPSHOT + "\n");
        return wh;
    }

    private static EvaluateParams params() {
        TrainParams d = TrainParams.defaults();
        TrainParams train = new TrainParams(4, 0.05, 10, 2.0, false, d.ranks(), d.regParams(), d.validationFraction(),
                d.maxLikedPerReviewer(), d.topSimilar(), 42L);
        return new EvaluateParams(3, 42, train, 500);
    }

    @Test
    void crossValidatesWritesTheReportAndBeatsTheGlobalMean() throws IOException {
        Path wh = plantedWarehouse();
        EvaluationResult result = new EvaluateJob(spark, Progress.quiet()).run(wh.toString(), params());
        Path report = Reports.write(result, tmp.resolve("report"));

        Map<String, Object> json = Summaries.cli(result, report.toString());
        JsonNode summary = new ObjectMapper().valueToTree(json);
        assertThat(summary.fieldNames()).toIterable().contains("rmse", "mae", "precision_at_10", "recall_at_10",
                "ndcg_at_10", "map", "coverage", "baselines", "trust", "report");
        assertThat(summary.get("baselines").fieldNames()).toIterable()
                .containsExactly("global_mean", "biases", "popularity", "mahout_item_knn");
        summary.get("baselines").forEach(b -> assertThat(b.fieldNames()).toIterable()
                .containsExactlyElementsOf(Summaries.METRICS));
        assertThat(summary.get("baselines").get("global_mean").get("ndcg_at_10").isNull()).isTrue();
        assertThat(summary.get("baselines").get("popularity").get("rmse").isNull()).isTrue();
        double model = summary.get("rmse").asDouble();
        assertThat(model).isLessThan(summary.get("baselines").get("global_mean").get("rmse").asDouble());
        assertThat(model).isLessThan(summary.get("baselines").get("biases").get("rmse").asDouble());
        assertThat(summary.get("trust").get("edges").asLong()).isPositive();

        JsonNode metrics = new ObjectMapper().readTree(report.resolve(Reports.METRICS_JSON).toFile());
        assertThat(metrics.get("seed").asLong()).isEqualTo(42);
        assertThat(metrics.get("per_fold")).hasSize(3);
        assertThat(metrics.get("snapshot").get("id").asText()).isEqualTo(SNAPSHOT);
        assertThat(metrics.get("snapshot").get("scored_opinions").asLong()).isEqualTo(192);
        assertThat(metrics.get("models").get("model").get("sd").has("rmse")).isTrue();
        assertThat(metrics.get("params").get("rank").asInt()).isEqualTo(4);
        int tested = 0;
        for (JsonNode f : metrics.get("per_fold")) {
            tested += f.get("test_ratings").asInt();
            assertThat(f.get("train_ratings").asInt() + f.get("test_ratings").asInt()).isEqualTo(192);
        }
        assertThat(tested).isEqualTo(192);

        assertThat(Files.readString(report.resolve(Reports.REPORT_MD))).contains("| model |", "rmse.png", "## Trust");
        for (String png : List.of(Charts.RMSE, Charts.NDCG, Charts.RATINGS, Charts.TRUST)) {
            BufferedImage image = ImageIO.read(report.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).isEqualTo(800);
        }
    }

    @Test
    void anEmptyWarehouseIsAOneLineError() {
        assertThatThrownBy(() -> new EvaluateJob(spark, Progress.quiet()).run(tmp.resolve("none").toString(), params()))
                .isInstanceOf(VouchException.class).hasMessageContaining("no snapshot");
    }

    @Test
    void optionsAreValidated() {
        EvaluateCommand cmd = new EvaluateCommand();
        new CommandLine(cmd).parseArgs("--warehouse", "w", "--report", "r", "--folds", "1");
        assertThatThrownBy(cmd::params).isInstanceOf(VouchException.class).hasMessageContaining("--folds must be in 2..20");
        EvaluateCommand ok = new EvaluateCommand();
        new CommandLine(ok).parseArgs("--warehouse", "w", "--report", "r", "--no-search", "--rank", "8", "--seed", "7");
        EvaluateParams p = ok.params();
        assertThat(p.folds()).isEqualTo(5);
        assertThat(p.seed()).isEqualTo(7);
        assertThat(p.train().search()).isFalse();
        assertThat(p.train().rank()).isEqualTo(8);
        assertThat(p.train().seed()).isEqualTo(7);
    }
}
