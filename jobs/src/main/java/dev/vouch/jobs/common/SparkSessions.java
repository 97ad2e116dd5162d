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
        // Small-data defaults that a cluster run can override with --conf.
        conf.setIfMissing("spark.sql.shuffle.partitions", "4");
        conf.setIfMissing("spark.default.parallelism", "4");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
        conf.setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
        conf.setIfMissing("spark.sql.parquet.compression.codec", "snappy");
        options.conf().forEach(conf::set);
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
