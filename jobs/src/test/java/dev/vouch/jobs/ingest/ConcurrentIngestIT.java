package dev.vouch.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.cli.VouchJobsCli;
import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.TestSpark;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 2 of issue 12: two real ingest JVMs of different sources started together into one warehouse. Either both
 * sources end up in LATEST, or one run fails with a clear message naming the lock holder and loses nothing: the
 * source ingested before both stays, and no .partial, .scratch, lock or checkpoint folder is left behind.
 */
class ConcurrentIngestIT {
    @TempDir
    Path tmp;

    @Test
    void twoIngestsAtOnceNeverDropASource() throws Exception {
        String wh = tmp.resolve("wh").toString();
        Path jvmTmp = Files.createDirectories(tmp.resolve("jvm-tmp"));
        new IngestJob(TestSpark.get(), Progress.quiet()).run(new IngestRequest(SourceFormat.DELIMITED,
                ratings("gamma").toString(), wh, "gamma", "\\t", ColumnMapping.parse("user,item,rating"),
                new SnapshotAssembler.Scale(1, 5)));

        Process alpha = startIngest(ratings("alpha"), wh, "alpha", jvmTmp);
        Process beta = startIngest(ratings("beta"), wh, "beta", jvmTmp);
        Set<String> expected = new HashSet<>(Set.of("gamma"));
        int succeeded = 0;
        for (Process p : List.of(alpha, beta)) {
            assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("ingest finished").isTrue();
            String source = p == alpha ? "alpha" : "beta";
            String log = Files.readString(log(source));
            if (p.exitValue() == 0) {
                expected.add(source);
                succeeded++;
            } else {
                assertThat(p.exitValue()).as(log).isEqualTo(1);
                assertThat(log).as("a clear message naming the holder").contains("is locked by ingest --source")
                        .contains("pid ");
            }
        }
        assertThat(succeeded).as("at least one of the two runs published").isGreaterThan(0);

        String latest = Files.readString(Path.of(wh, "LATEST")).strip();
        List<Row> sources = TestSpark.get().read().parquet(Path.of(wh, latest, "reviews").toString())
                .select(col("source")).distinct().collectAsList();
        assertThat(sources.stream().map(r -> r.getString(0)).collect(Collectors.toSet()))
                .as("sources in LATEST").isEqualTo(expected);
        try (Stream<Path> left = Files.list(Path.of(wh))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".partial") || n.endsWith(".scratch") || n.equals(".lock"));
        }
        Path checkpoints = jvmTmp.resolve("vouch-checkpoints");
        if (Files.exists(checkpoints)) {
            try (Stream<Path> left = Files.list(checkpoints)) {
                assertThat(left).as("checkpoint folders left by the ingest JVMs").isEmpty();
            }
        }
    }

    /** 40 ratings by 8 reviewers of 5 films, tab-separated, for one source. */
    private Path ratings(String source) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int u = 1; u <= 8; u++) {
            for (int m = 1; m <= 5; m++) {
                sb.append(source).append(u).append('\t').append("m").append(m).append('\t').append(1 + (u + m) % 5)
                        .append('\n');
            }
        }
        Path file = tmp.resolve(source + ".tsv");
        Files.writeString(file, sb.toString());
        return file;
    }

    private Path log(String source) {
        return tmp.resolve(source + ".log");
    }

    private Process startIngest(Path input, String wh, String source, Path jvmTmp) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The same Spark JVM flags this test JVM was started with (surefire's argLine).
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-Xss")
                        || a.startsWith("-Djdk.") || a.startsWith("-Dio.netty"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m", "-Djava.io.tmpdir=" + jvmTmp,
                "-cp", System.getProperty("java.class.path"), VouchJobsCli.class.getName(), "ingest",
                "--format", "delimited", "--input", input.toString(), "--columns", "user,item,rating",
                "--separator", "\\t", "--scale", "1,5", "--source", source, "--warehouse", wh, "--quiet",
                "--master", "local[1]"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(source).toFile()).start();
    }
}
