package dev.vouch.jobs.common;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the one Spark session of a job. The master comes from spark-submit or {@code --master}; when neither gives one
 * the job runs in local mode on every core, so the same jobs run unchanged on a laptop and on a cluster.
 */
public final class SparkSessions {
    private SparkSessions() {}

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
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
        conf.setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
        conf.setIfMissing("spark.sql.parquet.compression.codec", "snappy");
        options.conf().forEach(conf::set);
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        if (spark.sparkContext().getCheckpointDir().isEmpty()) {
            // ALS cuts its lineage by checkpointing; without it, deep task graphs overflow the stack when deserialised.
            String dir = conf.get("spark.checkpoint.dir", System.getProperty("java.io.tmpdir") + "/vouch-checkpoints");
            spark.sparkContext().setCheckpointDir(dir);
        }
        return spark;
    }
}
