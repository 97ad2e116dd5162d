package dev.vouch.jobs.common;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the one Spark session of a job. The master comes from spark-submit or {@code --master}; when neither gives one
 * the job runs in local mode on every core, so the same jobs run unchanged on a laptop and on a cluster.
 */
public final class SparkSessions {
    private SparkSessions() {}

    static final String CODEGEN_CACHE = "spark.sql.codegen.cache.maxEntries";

    public static SparkSession open(String appName, SparkOptions options) {
        SparkConf conf = new SparkConf().setAppName("vouch " + appName);
        if (options.master() != null) {
            conf.setMaster(options.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            // Local runs see small data: compiling whole-stage code for every stage and many shuffle partitions
            // cost more than they save (ingest of ml-latest-small: 71 → 35 CPU-seconds). --conf overrides.
            conf.setIfMissing("spark.sql.shuffle.partitions", "4");
            conf.setIfMissing("spark.default.parallelism", "4");
            conf.setIfMissing("spark.sql.codegen.wholeStage", "false");
        }
        // Spark keeps the classes it generates for expressions in a cache of 100 plans by default. Evaluate runs
        // ≈ 2,000 jobs over ≈ 260 distinct plans, so the cache thrashed: 1,015 Janino compiles instead of 256, and
        // every new class sent the JIT back to recompile the code it flows through (C2 117 → 96 CPU-seconds).
        conf.setIfMissing(CODEGEN_CACHE, "1000");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
        conf.setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
        conf.setIfMissing("spark.sql.parquet.compression.codec", "snappy");
        options.conf().forEach(conf::set);
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        if (spark.sparkContext().getCheckpointDir().isEmpty()) {
            // ALS cuts its lineage by checkpointing; without it, deep task graphs overflow the stack when deserialised.
            String dir = conf.contains("spark.checkpoint.dir") ? conf.get("spark.checkpoint.dir") : ownCheckpointDir();
            spark.sparkContext().setCheckpointDir(dir);
        }
        return spark;
    }

    /**
     * A checkpoint folder of this run's own under the temp folder, deleted when the JVM exits: a shared one was
     * never cleaned and grew with every run.
     */
    private static String ownCheckpointDir() {
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "vouch-checkpoints",
                ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "vouch-checkpoint-cleanup"));
        return dir.toString();
    }

    static void deleteTree(java.nio.file.Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("vouch: could not delete checkpoints in " + dir + ": " + e.getMessage());
        }
    }
}
