package dev.vouch.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.cli.VouchJobsCli;
import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.TestSpark;
import dev.vouch.jobs.generate.SyntheticOpinions;
import dev.vouch.jobs.ingest.IngestJob;
import dev.vouch.jobs.ingest.IngestRequest;
import dev.vouch.jobs.ingest.SourceFormat;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Killing a training run midway (kill -9 of its JVM while it writes) must leave CURRENT and the old model as they were. */
class KilledTrainingIT {
    private static final Path LOG = Path.of("target", "killed-training.log");

    @TempDir
    Path tmp;

    @Test
    void currentIsUnchangedWhenTrainingIsKilledWhileWriting() throws Exception {
        Path synthetic = tmp.resolve("synthetic");
        SyntheticOpinions.write(synthetic, SyntheticOpinions.Params.defaults().withSize(200, 800, 20_000));
        String wh = tmp.resolve("wh").toString();
        Path models = tmp.resolve("models");
        new IngestJob(TestSpark.get(), Progress.quiet()).run(new IngestRequest(SourceFormat.MOVIELENS,
                synthetic.toString(), wh, "synthetic", null, null, null));
        TrainParams p = TrainParams.defaults().withSearch(false);
        String first = new TrainModelJob(TestSpark.get(), Progress.quiet()).run(wh, models.toString(), p).version();
        assertThat(Files.readString(models.resolve("CURRENT")).strip()).isEqualTo(first);

        Process training = startTrainingJvm(wh, models);
        try {
            waitForPartialVersion(models, training);
        } finally {
            training.destroyForcibly().waitFor();
        }

        assertThat(Files.readString(models.resolve("CURRENT")).strip()).as("CURRENT after the kill").isEqualTo(first);
        assertThat(models.resolve(first).resolve("manifest.json")).exists();
        try (Stream<Path> versions = Files.list(models)) {
            assertThat(versions.map(v -> v.getFileName().toString()).filter(n -> n.endsWith(".partial")))
                    .as("the killed run left only a .partial folder, which nothing points to").hasSize(1);
        }
    }

    private static Process startTrainingJvm(String wh, Path models) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The same Spark JVM flags this test JVM was started with (surefire's argLine).
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-XX:ReservedCodeCacheSize")
                        || a.startsWith("-Xss") || a.startsWith("-Djdk.")
                        || a.startsWith("-Dio.netty"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), VouchJobsCli.class.getName(), "train",
                "--warehouse", wh, "--models", models.toString(), "--no-search", "--quiet", "--master", "local[2]"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
    }

    private static void waitForPartialVersion(Path models, Process training) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> entries = Files.list(models)) {
                // Kill once the new version holds its first table: midway through writing, before the manifest.
                if (entries.anyMatch(e -> e.getFileName().toString().endsWith(".partial")
                        && Files.isDirectory(e.resolve("reviewers")))) {
                    return;
                }
            }
            if (!training.isAlive()) {
                throw new AssertionError("training ended (exit " + training.exitValue() + ") before it started writing:\n"
                        + Files.readString(LOG));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("training never started writing a version");
    }
}
