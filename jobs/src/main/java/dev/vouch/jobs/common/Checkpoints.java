package dev.vouch.jobs.common;

import org.apache.spark.sql.Dataset;

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
}
