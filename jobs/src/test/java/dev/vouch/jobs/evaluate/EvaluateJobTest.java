package dev.vouch.jobs.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.Tables;
import dev.vouch.jobs.common.TestSpark;
import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.train.ImplicitParams;
import dev.vouch.jobs.train.TrainParams;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end on a planted world where what people watch carries the structure: 40 reviewers in two taste groups
 * (A: 14 reviewers, B: 26) and 40 films (A's are 0–19, B's 20–39). Each reviewer watches 14 films, all but one from
 * their own group's films (seeded), scoring their group's films 4–5 and the stray one 1–2. Popularity is B's
 * list, so for A's reviewers it is nearly useless; the implicit model sees the groups. Half the reviewers trust a
 * reviewer of their own group.
 */
class EvaluateJobTest {
    private static final String SNAPSHOT = "20260101-000000-000";
    private final SparkSession spark = TestSpark.get();

    @TempDir
    Path tmp;

    private Path plantedWarehouse() {
        Random random = new Random(7);
        List<Row> reviews = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            boolean a = r < 14;
            int base = a ? 0 : 20;
            List<Integer> own = new ArrayList<>();
            for (int f = 0; f < 20; f++) {
                own.add(base + f);
            }
            java.util.Collections.shuffle(own, random);
            List<Integer> films = new ArrayList<>(own.subList(0, 13));
            films.add((base + 20 + random.nextInt(20)) % 40);
            for (int f : films) {
                boolean mine = (f < 20) == a;
                double score = mine ? 4 + random.nextInt(2) : 1 + random.nextInt(2);
                String reviewer = "t:" + r;
                String film = "t:f" + f;
                reviews.add(RowFactory.create(reviewer + "/" + film, reviewer, film, score, 1.0, 5.0, score / 5.0,
                        List.of(), List.of(), null, null, "t", "ratings.txt", reviews.size() + 1));
            }
        }
        List<Row> trust = new ArrayList<>();
        for (int r = 0; r < 40; r += 2) {
            int friend = r < 14 ? (r + 3) % 14 : 14 + (r - 14 + 3) % 26;
            trust.add(RowFactory.create("t:" + r, "t:" + friend, 1.0, "t", "trust.txt", r + 1));
        }
        Path wh = tmp.resolve("wh");
        Path snap = wh.resolve(SNAPSHOT);
        write(reviews, Tables.REVIEWS, snap);
        write(trust, Tables.TRUST, snap);
        write(List.of(), Tables.FILMS, snap);
        write(List.of(), Tables.REVIEWERS, snap);
        try {
            Files.writeString(wh.resolve("LATEST"), SNAPSHOT + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return wh;
    }

    private void write(List<Row> rows, String table, Path snapshot) {
        spark.createDataFrame(rows, Tables.schemaOf(table)).coalesce(1).write()
                .parquet(snapshot.resolve(table).toString());
    }

    private static EvaluateParams params(String publish) {
        TrainParams d = TrainParams.defaults();
        ImplicitParams implicit = new ImplicitParams(4, 5.0, true, 0.1, 6, List.of(4), List.of(5.0),
                List.of(0.1));
        TrainParams train = new TrainParams(4, 0.05, 6, 2.0, false, d.ranks(), d.regParams(), d.validationFraction(),
                d.maxLikedPerReviewer(), d.topSimilar(), 42L, implicit);
        return new EvaluateParams(2, 42, train, 500, 10, 0.75, 0.25, 1000, publish);
    }

    @Test
    void crossValidatesTheServedPathAndTheImplicitModelBeatsPopularity() throws IOException {
        Path wh = plantedWarehouse();
        Path models = tmp.resolve("fold-models");
        EvaluationResult result = new EvaluateJob(spark, Progress.quiet()).run(wh.toString(),
                params(models.toString()));
        Path report = Reports.write(result, tmp.resolve("report"));

        // who watches what is the planted structure: both implicit rankings beat popularity by a wide margin
        List<FoldOutcome> folds = result.folds();
        double ours = Summaries.mean(folds, Scenario.KNOWN.key, EvaluationResult.MODEL, "ndcg_at_10");
        double peer = Summaries.mean(folds, Scenario.KNOWN.key, EvaluationResult.IMPLICIT_ALS, "ndcg_at_10");
        double popularity = Summaries.mean(folds, Scenario.KNOWN.key, EvaluationResult.POPULARITY, "ndcg_at_10");
        assertThat(ours).isGreaterThan(1.5 * popularity);
        assertThat(peer).isGreaterThan(1.5 * popularity);
        assertThat(Summaries.mean(folds, Scenario.READERS.key, EvaluationResult.MODEL, "ndcg_at_10"))
                .isGreaterThan(Summaries.mean(folds, Scenario.READERS.key, EvaluationResult.POPULARITY, "ndcg_at_10"));
        // our lists stay the reviewer's own: most of what we suggest they rated highly or are predicted to love
        assertThat(Summaries.mean(folds, Scenario.KNOWN.key, EvaluationResult.MODEL, "endorsed_share"))
                .isGreaterThan(Summaries.mean(folds, Scenario.KNOWN.key, EvaluationResult.POPULARITY,
                        "endorsed_share"));
        assertThat(Summaries.models(folds, Scenario.RATINGS.key)).contains(EvaluationResult.MODEL,
                EvaluationResult.BIASES, EvaluationResult.GLOBAL_MEAN, EvaluationResult.MAHOUT);

        JsonNode metrics = new ObjectMapper().readTree(report.resolve(Reports.METRICS_JSON).toFile());
        assertThat(metrics.get("seed").asLong()).isEqualTo(42);
        assertThat(metrics.get("command").asText()).startsWith("vouch evaluate --folds 2 --seed 42");
        assertThat(metrics.get("per_fold")).hasSize(2);
        assertThat(metrics.get("snapshot").get("scored_opinions").asLong()).isEqualTo(560);
        JsonNode scenarios = metrics.get("scenarios");
        assertThat(scenarios.fieldNames()).toIterable().containsExactly("ratings", "known_reviewers",
                "anonymous_readers", "anonymous_readers_10", "trust_trustee", "trust_own_plus_trustee", "trust_own",
                "critics_trust_recovery", "critics_wisdom_of_few");
        // Which reviewers share the reader's taste: declared trustees found, and lists from matched critics
        JsonNode trust = scenarios.get("critics_trust_recovery");
        assertThat(trust.get("models").fieldNames()).toIterable().containsExactly("critics_match", "most_active",
                "random");
        assertThat(trust.get("models").get("critics_match").get("mean").fieldNames()).toIterable()
                .containsExactly("recall_at_10", "ndcg_at_10");
        assertThat(trust.get("critic_ratios").has("match_over_most_active")).isTrue();
        JsonNode few = scenarios.get("critics_wisdom_of_few");
        assertThat(few.get("models").fieldNames()).toIterable().containsExactly("popularity", "critics_top_5",
                "critics_top_10", "critics_top_20", "own_fold_in");
        assertThat(few.get("models").get("critics_top_20").get("requests_over_folds").asLong()).isPositive();
        assertThat(few.get("critic_ratios").has("critics_top_20_over_own_fold_in")).isTrue();
        JsonNode known = scenarios.get("known_reviewers");
        assertThat(known.get("models").fieldNames()).toIterable().contains("vouch", "spark_implicit_als",
                "popularity", "biases", "mahout_item_knn");
        assertThat(known.get("models").get("vouch").get("mean").fieldNames()).toIterable()
                .containsExactlyElementsOf(ListMetrics.NAMES);
        assertThat(known.get("ratios").get("vouch_over_popularity").asDouble()).isGreaterThan(1.5);
        assertThat(scenarios.get("ratings").get("models").get("global_mean").get("mean").get("rmse").asDouble())
                .isPositive();
        assertThat(scenarios.get("trust_trustee").get("models").get("vouch").get("requests_over_folds").asLong())
                .isPositive();
        assertThat(metrics.get("tuning").get("blend").get("candidates").size()).isEqualTo(RankingTuner.GRID.size());
        int tested = 0;
        for (JsonNode f : metrics.get("per_fold")) {
            tested += f.get("test_ratings").asInt();
        }
        assertThat(tested).isEqualTo(560);

        assertThat(Files.readString(report.resolve(Reports.REPORT_MD))).contains("## known_reviewers",
                "vouch_over_spark_implicit_als", "## trust_trustee", "ndcg.png");
        for (String png : List.of(Charts.RMSE, Charts.NDCG, Charts.RATINGS, Charts.TRUST)) {
            BufferedImage image = ImageIO.read(report.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).isEqualTo(800);
        }
        // fold 1 was published with the lists it answered, for serving to check against
        assertThat(models.resolve("CURRENT")).exists();
        List<String> lines = Files.readAllLines(models.resolve(ServedLists.FILE));
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0)).contains("\"kind\":\"get\"", "\"films\":[\"t:f");
    }

    @Test
    void anEmptyWarehouseIsAOneLineError() {
        assertThatThrownBy(() -> new EvaluateJob(spark, Progress.quiet()).run(tmp.resolve("none").toString(),
                params(null))).isInstanceOf(VouchException.class).hasMessageContaining("no snapshot");
    }

    @Test
    void optionsAreValidated() {
        EvaluateCommand cmd = new EvaluateCommand();
        new CommandLine(cmd).parseArgs("--warehouse", "w", "--report", "r", "--folds", "1");
        assertThatThrownBy(cmd::params).isInstanceOf(VouchException.class).hasMessageContaining("--folds must be in 2..20");
        EvaluateCommand bad = new EvaluateCommand();
        new CommandLine(bad).parseArgs("--warehouse", "w", "--report", "r", "--relevant-at", "1.5");
        assertThatThrownBy(bad::params).isInstanceOf(VouchException.class).hasMessageContaining("--relevant-at");
        EvaluateCommand ok = new EvaluateCommand();
        new CommandLine(ok).parseArgs("--warehouse", "w", "--report", "r", "--no-search", "--rank", "8", "--seed", "7",
                "--implicit-ranks", "8,16", "--readers-share", "0");
        EvaluateParams p = ok.params();
        assertThat(p.folds()).isEqualTo(5);
        assertThat(p.seed()).isEqualTo(7);
        assertThat(p.train().search()).isFalse();
        assertThat(p.train().rank()).isEqualTo(8);
        assertThat(p.train().seed()).isEqualTo(7);
        assertThat(p.train().implicit().ranks()).containsExactly(8, 16);
        assertThat(p.readersShare()).isZero();
        assertThat(p.relevantAt()).isEqualTo(RankingTuner.DEFAULT_RELEVANT_AT);
    }
}
