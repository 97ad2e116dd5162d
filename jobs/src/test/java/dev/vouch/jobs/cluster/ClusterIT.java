package dev.vouch.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The jobs on Spark's standalone cluster manager, not local mode: {@code vouch cluster up} starts a master and two
 * one-core workers on 127.0.0.1, and {@code vouch ingest|train --master spark://…} submits through SparkSubmit with the
 * cluster jar. Warehouse and models are {@code file://} URIs, the shared storage every executor sees here. Runs after
 * {@code package} (failsafe), on a small seeded synthetic set; every process it starts is stopped by PID at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    /** Small-data settings, the same on both sides so the runs split and shuffle alike. */
    private static final List<String> SMALL = List.of("--conf", "spark.sql.shuffle.partitions=4",
            "--conf", "spark.default.parallelism=4", "--conf", "spark.sql.codegen.wholeStage=false");
    private static final List<String> TRAIN = List.of("--ranks", "8", "--reg-params", "0.1", "--max-iter", "5",
            "--implicit-rank", "8", "--seed", "42", "--json");

    private static Launcher vouch;
    private static String master;
    private static Path work;
    private static CompletableFuture<List<JsonNode>> local;

    @BeforeAll
    static void localRunAndCluster() throws Exception {
        work = Path.of("target", "cluster-it").toAbsolutePath();
        vouch = new Launcher(work);
        Launcher.Run up = vouch.start("cluster-up", List.of("cluster", "up", "--workers", "2", "--memory", "2g"));
        Path synthetic = work.resolve("synthetic");
        vouch.run("generate", List.of("generate", "--out", synthetic.toString(), "--reviewers", "80", "--films",
                "300", "--opinions", "4000", "--quiet"));
        // Local mode's answer, computed while the cluster runs the same commands (test 1 waits for it).
        local = CompletableFuture.supplyAsync(() -> {
            try {
                return List.of(vouch.json("ingest-local", ingest(synthetic, uri("wh-local"), SMALL)),
                        vouch.json("train-local", train(uri("wh-local"), uri("models-local"), SMALL)));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        master = up.awaitSuccess().lines().reduce((a, b) -> b).orElseThrow().strip();
        assertThat(master).startsWith("spark://127.0.0.1:");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (vouch != null) {
            vouch.stopAll();
        }
    }

    @Test
    @Order(1)
    void clusterGivesTheSameSnapshotAndModelAsLocalMode() throws Exception {
        JsonNode ingest = vouch.json("ingest-cluster", ingest(work.resolve("synthetic"), uri("wh"), onCluster()));
        JsonNode localIngest = local.get().get(0);
        assertThat(ingest.get("tables")).as("snapshot table counts").isEqualTo(localIngest.get("tables"));
        for (String f : List.of("read", "accepted", "rejected")) {
            assertThat(ingest.get(f).asLong()).as(f).isEqualTo(localIngest.get(f).asLong());
        }

        JsonNode train = vouch.json("train-cluster", train(uri("wh"), uri("models"), onCluster()));
        JsonNode localTrain = local.get().get(1);
        assertThat(train.get("rows")).as("published table row counts").isEqualTo(localTrain.get("rows"));
        assertThat(train.get("validation_rmse").asDouble()).as("validation RMSE, same seed")
                .isCloseTo(localTrain.get("validation_rmse").asDouble(), within(0.005));
        assertThat(current()).isEqualTo(train.get("version").asText());
    }

    @Test
    @Order(2)
    void aKilledDriverPublishesNothing() throws Exception {
        String before = current();
        Launcher.Run driver = vouch.start("train-driver-killed", train(uri("wh"), uri("models"), noSearch()));
        Path models = work.resolve("models");
        // Kill the submitting JVM (the driver, client mode) once the new version holds a table: midway through writing.
        driver.awaitOrFail(() -> partials(models).anyMatch(ClusterIT::holdsATable), "a .partial version with a table");
        driver.kill();

        assertThat(current()).as("CURRENT after the driver was killed").isEqualTo(before);
        assertThat(models.resolve(before).resolve("manifest.json")).exists();
        try (Stream<Path> entries = Files.list(models)) {
            assertThat(entries.map(e -> e.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.equals("CURRENT") && !n.endsWith(".partial")))
                    .as("complete versions: the killed run left only a .partial folder, which CURRENT never names")
                    .containsExactly(before);
        }
    }

    @Test
    @Order(3)
    void theNextRunSucceedsThoughAnExecutorIsKilled() throws Exception {
        String before = current();
        long launched = executorLaunches();
        Launcher.Run driver = vouch.start("train-executor-killed", train(uri("wh"), uri("models"), noSearch()));
        // The ranking tuning fits both ALS models on the cluster: kill an executor while it works on them.
        driver.awaitOrFail(() -> driver.output().contains("tuning the ranking blend") && !vouch.executors().isEmpty(),
                "training to reach the ranking tuning with executors running");
        ProcessHandle executor = vouch.executors().get(0);
        executor.destroyForcibly(); // SIGKILL, as kill -9
        executor.onExit().get();

        JsonNode trained = vouch.json(driver);
        assertThat(current()).as("CURRENT moves to the version trained through the executor's death, after the"
                + " killed driver's lock was taken over").isEqualTo(trained.get("version").asText()).isNotEqualTo(before);
        assertThat(work.resolve("models").resolve(current()).resolve("manifest.json")).exists();
        assertThat(driver.output()).as("the driver saw the executor go").contains("Lost executor");
        assertThat(executorLaunches() - launched).as("executors the master launched for the run: two, then a"
                + " replacement for the killed one").isGreaterThanOrEqualTo(3);
    }

    /** Lines of the master's log that launch an executor. */
    private static long executorLaunches() throws Exception {
        try (Stream<String> lines = Files.lines(work.resolve("cluster/logs/master.log"))) {
            return lines.filter(l -> l.contains("Launching executor")).count();
        }
    }

    private static List<String> noSearch() {
        return Stream.concat(Stream.of("--no-search", "--rank", "8", "--reg-param", "0.1"), onCluster().stream()).toList();
    }

    private static List<String> onCluster() {
        return Stream.of(List.of("--master", master), SMALL, List.of("--conf", "spark.checkpoint.dir="
                + uri("checkpoints"))).flatMap(List::stream).toList();
    }

    private static List<String> ingest(Path input, String wh, List<String> spark) {
        return Stream.of(List.of("ingest", "--format", "movielens", "--source", "synthetic", "--input", input.toString(),
                "--warehouse", wh, "--json"), spark).flatMap(List::stream).toList();
    }

    private static List<String> train(String wh, String models, List<String> spark) {
        return Stream.of(List.of("train", "--warehouse", wh, "--models", models), TRAIN, spark)
                .flatMap(List::stream).toList();
    }

    private static String uri(String folder) {
        return work.resolve(folder).toUri().toString();
    }

    private static String current() throws Exception {
        return Files.readString(work.resolve("models").resolve("CURRENT")).strip();
    }

    private static Stream<Path> partials(Path models) {
        try (Stream<Path> entries = Files.list(models)) {
            return entries.filter(e -> e.getFileName().toString().endsWith(".partial")).toList().stream();
        } catch (java.io.IOException e) {
            return Stream.empty();
        }
    }

    private static boolean holdsATable(Path partial) {
        try (Stream<Path> entries = Files.list(partial)) {
            return entries.anyMatch(Files::isDirectory);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
