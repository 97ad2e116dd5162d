package dev.vouch.jobs.train;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The explicit map from string ids to the dense int indices ALS needs: {@code <id column>, <idx column>}, indices
 * 0..n−1 in id order, so the same ids always get the same indices. Nothing ever uses a position in an array as an id.
 */
public final class IndexTable {
    private IndexTable() {}

    public static Dataset<Row> of(Dataset<Row> rows, String idColumn, String idxColumn) {
        return rows.select(col(idColumn)).distinct()
                .withColumn(idxColumn, row_number().over(Window.orderBy(col(idColumn))).minus(1).cast("int"));
    }
}
