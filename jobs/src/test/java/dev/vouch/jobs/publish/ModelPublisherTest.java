package dev.vouch.jobs.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.jobs.common.TestSpark;
import dev.vouch.jobs.common.VouchException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing: tables checked against their declared schema, checksummed, and CURRENT switched only on commit. */
class ModelPublisherTest {
    private static final SparkSession SPARK = TestSpark.get();

    @TempDir
    Path models;

    private static Dataset<Row> kindred() {
        return SPARK.createDataFrame(List.of(RowFactory.create("rev:a", "rev:b", 0.9, 12.5, 7, 0.8)),
                ModelTables.KINDRED_SCHEMA);
    }

    @Test
    void aCommittedDraftIsCurrentWithEveryFileChecksummed() throws Exception {
        ModelPublisher publisher = new ModelPublisher(SPARK, models.toString());
        String version;
        try (ModelPublisher.Lease lease = publisher.lock("test")) {
            ModelPublisher.Draft draft = publisher.draft();
            version = draft.version();
            assertThat(draft.write(ModelTables.KINDRED, kindred())).isEqualTo(1);
            assertThat(publisher.current()).isNull();
            draft.commit(Map.of("source_snapshot", "test"));
        }
        assertThat(Files.readString(models.resolve("CURRENT")).strip()).isEqualTo(version);
        JsonNode manifest = new ObjectMapper().readTree(models.resolve(version).resolve("manifest.json").toFile());
        assertThat(manifest.path("format_version").asInt()).isEqualTo(ModelTables.FORMAT_VERSION);
        JsonNode table = manifest.path("tables").path(ModelTables.KINDRED);
        assertThat(table.path("rows").asLong()).isEqualTo(1);
        assertThat(table.path("files")).isNotEmpty();
        for (JsonNode file : table.path("files")) {
            try (InputStream in = Files.newInputStream(models.resolve(version).resolve(file.path("path").asText()))) {
                assertThat(file.path("sha256").asText()).isEqualTo(DigestUtils.sha256Hex(in));
            }
        }
    }

    @Test
    void aTableThatBreaksItsSchemaIsRefusedByNameAndNothingIsPublished() {
        ModelPublisher publisher = new ModelPublisher(SPARK, models.toString());
        try (ModelPublisher.Lease lease = publisher.lock("test")) {
            ModelPublisher.Draft draft = publisher.draft();
            assertThatThrownBy(() -> draft.write(ModelTables.KINDRED, kindred().drop("agreement")))
                    .isInstanceOf(VouchException.class)
                    .hasMessage("model table kindred: missing column agreement double");
            assertThatThrownBy(() -> draft.write(ModelTables.KINDRED, kindred().withColumn("co_rated",
                    org.apache.spark.sql.functions.col("co_rated").cast("string"))))
                    .hasMessageContaining("column co_rated is string, declared int");
        }
        assertThat(models.resolve("CURRENT")).doesNotExist();
        assertThat(models.toFile().list()).allMatch(name -> name.startsWith("."));
    }
}
