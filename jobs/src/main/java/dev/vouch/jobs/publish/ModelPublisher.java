package dev.vouch.jobs.publish;

import dev.vouch.jobs.common.FolderLock;
import dev.vouch.jobs.common.JsonText;
import dev.vouch.jobs.common.Schemas;
import org.apache.commons.codec.digest.DigestUtils;
import dev.vouch.jobs.common.Versioned;
import dev.vouch.jobs.common.VouchException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Publishes a model atomically: every table is written into {@code <version>.partial/}, the manifest (with a SHA-256
 * of every Parquet file) is written last, the folder is renamed to {@code <version>/}, and only then does
 * {@code CURRENT} switch. A run that fails or is killed before the switch leaves {@code CURRENT} as it was.
 */
public final class ModelPublisher {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelPublisher.class);
    private final SparkSession spark;
    private final Versioned versions;
    private final List<Draft> drafts = new ArrayList<>();

    public ModelPublisher(SparkSession spark, String modelsDir) {
        this.spark = spark;
        this.versions = new Versioned(spark.sparkContext().hadoopConfiguration(), modelsDir, ModelTables.POINTER);
    }

    /**
     * Takes the models folder's writer lock for a whole training run, so two trains cannot publish out of order
     * (an older snapshot's model becoming CURRENT after a newer one). Closing it deletes the folder of any draft
     * that was not committed (a failed run leaves nothing behind) and releases the lock.
     */
    public Lease lock(String purpose) {
        FolderLock lock = versions.lock(purpose);
        versions.removeStalePartials(Versioned.STALE_PARTIAL_AGE);
        return () -> {
            try {
                drafts.stream().filter(d -> !d.committed).forEach(d -> versions.deleteQuietly(d.folder()));
            } finally {
                lock.close();
            }
        };
    }

    /** The models folder held by one run; closing it never throws a checked exception. */
    @FunctionalInterface
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** A publication in progress: write tables into it, then {@link #commit}. */
    public final class Draft {
        private final String base = versions.current();
        private final String version = versions.newPartial();
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private boolean committed;

        private Draft() {
            drafts.add(this);
        }

        public String version() {
            return version;
        }

        public Path folder() {
            return versions.partial(version);
        }

        /**
         * Writes one table as a few Parquet files (serving reads them whole into memory), after checking its columns
         * against the declared schema ({@link ModelTables#schemaOf}).
         */
        public long write(String table, Dataset<Row> data) {
            Schemas.check("model table " + table, ModelTables.schemaOf(table), data.schema(), true);
            String dir = new Path(folder(), table).toString();
            data.coalesce(1).write().mode("overwrite").parquet(dir);
            long n = read(table).count();
            rows.put(table, n);
            return n;
        }

        /** A table written into this draft, read back as serving will read it. */
        public Dataset<Row> read(String table) {
            return spark.read().parquet(new Path(folder(), table).toString());
        }

        /**
         * Writes the manifest with checksums, renames the folder into place, and switches CURRENT — refused when
         * CURRENT moved since this draft began.
         */
        public Path commit(Map<String, Object> manifestFields) {
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format_version", ModelTables.FORMAT_VERSION);
            manifest.put("version", version);
            manifest.put("created_at", Instant.now().toString());
            manifest.putAll(manifestFields);
            Map<String, Object> tables = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : rows.entrySet()) {
                tables.put(e.getKey(), Map.of("rows", e.getValue(), "files", files(e.getKey())));
            }
            manifest.put("tables", tables);
            versions.writeText(new Path(folder(), ModelTables.MANIFEST), JsonText.pretty(manifest));
            Path done = versions.commit(version, base);
            committed = true;
            prune();
            return done;
        }

        private List<Map<String, Object>> files(String table) {
            List<Map<String, Object>> out = new ArrayList<>();
            try {
                for (FileStatus f : versions.fs().listStatus(new Path(folder(), table),
                        p -> p.getName().endsWith(".parquet"))) {
                    out.add(Map.of("path", table + "/" + f.getPath().getName(), "bytes", f.getLen(),
                            "sha256", sha256(f.getPath())));
                }
            } catch (IOException e) {
                throw new VouchException("cannot list " + table + ": " + e.getMessage(), e);
            }
            return out;
        }
    }

    /**
     * How many versions a publication keeps: {@code --conf spark.vouch.keep=N} (default 5). A Spark setting because
     * the train command's own options belong to the training code.
     */
    public static final String KEEP_CONF = "spark.vouch.keep";

    private void prune() {
        int keep = Integer.parseInt(spark.conf().get(KEEP_CONF, Integer.toString(Versioned.DEFAULT_KEEP)));
        try {
            versions.prune(keep, ServedVersions.of(versions));
        } catch (VouchException e) {
            // The new version is published; failing to delete old ones must not turn that into a failed run.
            LOG.warn("retention skipped: {}", e.getMessage());
        }
    }

    public Draft draft() {
        return new Draft();
    }

    public String current() {
        return versions.current();
    }

    private String sha256(Path file) throws IOException {
        try (InputStream in = versions.fs().open(file)) {
            return DigestUtils.sha256Hex(in);
        }
    }
}
