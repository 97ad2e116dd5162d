package dev.vouch.jobs.common;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * Cuts a dataset's lineage (computed once, small plans after it). In local mode a local checkpoint: its blocks live in
 * the one JVM, which cannot lose an executor. On a cluster a reliable checkpoint in {@code spark.checkpoint.dir}
 * (shared storage): a local checkpoint's blocks die with their executor and cannot be recomputed, so one killed
 * executor failed the whole training run ({@code CHECKPOINT_RDD_BLOCK_ID_NOT_FOUND}, found by ClusterIT).
 */
public final class Checkpoints {
    private Checkpoints() {}

    public static <T> Dataset<T> cut(Dataset<T> ds) {
        return ds.sparkSession().sparkContext().isLocal() ? ds.localCheckpoint() : ds.checkpoint();
    }

    /** Spark setting that overrides {@link #alsInterval}: ALS iterations between checkpoints, -1 for none. */
    public static final String ALS_INTERVAL = "spark.vouch.als.checkpointInterval";

    /**
     * ALS iterations between checkpoints of its factors. On a cluster every 4 (a lost executor recomputes at most 4
     * iterations, and the lineage stays short). In local mode none: a reliable checkpoint there is two more Spark jobs
     * and a write of the factors to disk every 4 iterations, for a JVM that cannot lose an executor (the lineage of
     * {@code --max-iter} iterations, 12 by default, is short; {@value #ALS_INTERVAL} brings checkpoints back).
     */
    public static int alsInterval(SparkSession spark) {
        SparkConf conf = spark.sparkContext().getConf();
        if (conf.contains(ALS_INTERVAL)) {
            return Integer.parseInt(conf.get(ALS_INTERVAL));
        }
        return spark.sparkContext().isLocal() ? -1 : 4;
    }
}
