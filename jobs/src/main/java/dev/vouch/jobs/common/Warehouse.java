package dev.vouch.jobs.common;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** The ingest warehouse: versioned snapshots and a {@code LATEST} pointer (docs/DATA.md, section 1). */
public final class Warehouse {
    public static final String POINTER = "LATEST";

    private final SparkSession spark;
    private final Versioned versions;

    public Warehouse(SparkSession spark, String dir) {
        this.spark = spark;
        this.versions = new Versioned(spark.sparkContext().hadoopConfiguration(), dir, POINTER);
    }

    public Versioned versions() {
        return versions;
    }

    /** The folder of the latest complete snapshot; fails with a clear message when there is none. */
    public Path latest() {
        String id = versions.current();
        if (id == null) {
            throw new VouchException("no snapshot in " + versions.root() + " (run vouch ingest first)");
        }
        return versions.path(id);
    }

    /**
     * One table of a snapshot, its columns checked against the declared schema ({@link Tables#schemaOf}) and
     * selected in declared order: a snapshot missing a column fails with the column's name, never reads as nulls.
     */
    public Dataset<Row> read(Path snapshot, String table) {
        StructType declared = Tables.schemaOf(table);
        String dir = new Path(snapshot, table).toString();
        Dataset<Row> raw = spark.read().parquet(dir);
        Schemas.check("snapshot table " + dir, declared, raw.schema(), false);
        return raw.select(Arrays.stream(declared.fieldNames()).map(c -> col(c)).toArray(Column[]::new));
    }

    /**
     * The new source's tables plus every row of snapshot {@code previous} (null: none) that belongs to another
     * source. The caller passes the id it read under the lock, and commits against that same id.
     */
    public Map<String, Dataset<Row>> withOtherSources(Map<String, Dataset<Row>> tables, String source, String previous) {
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        for (String table : Tables.ALL) {
            Dataset<Row> fresh = tables.get(table);
            if (previous != null) {
                Dataset<Row> kept = read(versions.path(previous), table).filter(col("source").notEqual(source));
                fresh = fresh.unionByName(kept);
            }
            out.put(table, fresh);
        }
        return out;
    }
}
