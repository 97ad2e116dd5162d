package dev.vouch.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot table is read against its declared schema: a missing column fails by name, never reads as nulls. */
class WarehouseSchemaTest {
    private static final SparkSession SPARK = TestSpark.get();

    @TempDir
    Path dir;

    private Dataset<Row> films() {
        return SPARK.createDataFrame(List.of(RowFactory.create("ml:1", "Heat", 1995, List.of("Crime").toArray(),
                "ml")), Tables.FILMS_SCHEMA);
    }

    @Test
    void readsTheDeclaredColumnsInDeclaredOrder() {
        Path snapshot = dir.resolve("ok");
        films().select("source", "genres", "year", "title", "film_id").write().parquet(snapshot.resolve(Tables.FILMS)
                .toString());
        Dataset<Row> read = new Warehouse(SPARK, dir.toString()).read(new org.apache.hadoop.fs.Path(snapshot.toString()),
                Tables.FILMS);
        assertThat(read.columns()).containsExactly(Tables.FILMS_SCHEMA.fieldNames());
        assertThat(read.first().getString(1)).isEqualTo("Heat");
    }

    @Test
    void aMissingOrMistypedColumnIsNamed() {
        Path snapshot = dir.resolve("bad");
        films().drop("genres").withColumn("year", org.apache.spark.sql.functions.col("year").cast("string")).write()
                .parquet(snapshot.resolve(Tables.FILMS).toString());
        assertThatThrownBy(() -> new Warehouse(SPARK, dir.toString())
                .read(new org.apache.hadoop.fs.Path(snapshot.toString()), Tables.FILMS))
                .isInstanceOf(VouchException.class)
                .hasMessageContaining("column year is string, declared int")
                .hasMessageContaining("missing column genres array<string>");
    }
}
