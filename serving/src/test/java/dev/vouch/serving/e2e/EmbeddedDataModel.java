package dev.vouch.serving.e2e;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model trained from the embedded data (data/reviews plus the seeded synthetic set) by the jobs module, in its own
 * JVM, exactly as {@code vouch demo} does — serving cannot have Spark on its classpath. Built once per test JVM
 * into {@code serving/target/e2e/}; {@code VOUCH_E2E_MODELS} (environment or system property) points at a
 * ready models folder instead.
 */
public final class EmbeddedDataModel {
    private static Path models;
    private static Path foldModels;

    private EmbeddedDataModel() {}

    public static synchronized Path modelsDir() throws IOException, InterruptedException {
        if (models != null) {
            return models;
        }
        String given = System.getProperty("VOUCH_E2E_MODELS", System.getenv("VOUCH_E2E_MODELS"));
        if (given != null && !given.isBlank()) {
            models = Path.of(given);
            return models;
        }
        Path root = Path.of("").toAbsolutePath().getParent();
        Path work = Path.of("").toAbsolutePath().resolve("target/e2e");
        Path out = work.resolve("models");
        if (!Files.exists(out.resolve("CURRENT"))) {
            String warehouse = work.resolve("warehouse").toString();
            String synthetic = work.resolve("synthetic").toString();
            jobs(root, work, "generate", "--out", synthetic, "--seed", "42");
            jobs(root, work, "ingest", "--format", "reviews", "--input", root.resolve("data/reviews").toString(),
                    "--warehouse", warehouse, "--quiet");
            jobs(root, work, "ingest", "--format", "movielens", "--source", "synthetic", "--input", synthetic,
                    "--warehouse", warehouse, "--quiet");
            jobs(root, work, "train", "--warehouse", warehouse, "--models", out.toString(), "--no-search", "--quiet");
        }
        models = out;
        return models;
    }

    /**
     * Fold 1 of {@code vouch evaluate} on the same warehouse, published with the lists the evaluator scored
     * ({@code served-lists.jsonl}); small settings keep it to a couple of minutes. Built once per test JVM.
     */
    public static synchronized Path evaluatedFold() throws IOException, InterruptedException {
        if (foldModels != null) {
            return foldModels;
        }
        modelsDir();
        Path root = Path.of("").toAbsolutePath().getParent();
        Path work = Path.of("").toAbsolutePath().resolve("target/e2e");
        Path out = work.resolve("fold-models");
        if (!Files.exists(out.resolve("served-lists.jsonl"))) {
            jobs(root, work, "evaluate", "--warehouse", work.resolve("warehouse").toString(), "--report",
                    work.resolve("fold-report").toString(), "--publish-fold", out.toString(), "--folds", "2",
                    "--no-search", "--rank", "8", "--max-iter", "6", "--implicit-ranks", "16", "--implicit-alphas", "5",
                    "--readers-share", "0", "--mahout-ranked", "0", "--quiet");
        }
        foldModels = out;
        return foldModels;
    }

    /** Runs one command of the jobs CLI in a fresh JVM built from jobs/target (the reactor packages jobs first). */
    private static void jobs(Path root, Path work, String... args) throws IOException, InterruptedException {
        Path classes = root.resolve("jobs/target/classes");
        Path cpFile = root.resolve("jobs/target/runtime-classpath.txt");
        if (!Files.exists(cpFile)) {
            throw new IllegalStateException("jobs module not packaged: run mvn package (the reactor builds jobs first)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx3g");
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-XX:ReservedCodeCacheSize")
                        || a.startsWith("-Xss") || a.startsWith("-Djdk.")
                        || a.startsWith("-Dio.netty"))
                .forEach(cmd::add);
        cmd.add("-cp");
        cmd.add(classes + File.pathSeparator + Files.readString(cpFile).strip());
        cmd.add("dev.vouch.jobs.cli.VouchJobsCli");
        cmd.addAll(List.of(args));
        Files.createDirectories(work);
        File log = work.resolve(args[0] + ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("vouch " + String.join(" ", args) + " failed; see " + log + ":\n"
                    + Files.readString(log.toPath()));
        }
    }
}
