package dev.vouch.jobs.ingest;

import static org.apache.spark.sql.functions.*;

import dev.vouch.jobs.common.FolderLock;
import dev.vouch.jobs.common.JsonText;
import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.Tables;
import dev.vouch.jobs.common.Versioned;
import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.common.Warehouse;
import dev.vouch.jobs.ingest.ColumnMapping.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingests one source into a new warehouse snapshot: parse every record (or reject it with a reason), merge into the
 * snapshot tables, carry over the other sources of the previous snapshot, write, reconcile, and only then publish.
 */
public final class IngestJob {
    private final SparkSession spark;
    private final Progress progress;
    private final int keep;

    public IngestJob(SparkSession spark, Progress progress) {
        this(spark, progress, Versioned.DEFAULT_KEEP);
    }

    /** {@code keep}: complete snapshots to keep after a successful run (older ones are deleted; LATEST never). */
    public IngestJob(SparkSession spark, Progress progress, int keep) {
        if (keep < 1) {
            throw new VouchException("--keep must be at least 1, was " + keep);
        }
        this.spark = spark;
        this.progress = progress;
        this.keep = keep;
    }

    public IngestSummary run(IngestRequest request) {
        long started = System.nanoTime();
        Path input = new Path(request.input());
        StagedReader reader = new StagedReader(spark, input);
        if (!reader.exists(input)) {
            throw new VouchException("input path does not exist: " + request.input());
        }
        Warehouse warehouse = new Warehouse(spark, request.warehouse());
        Versioned versions = warehouse.versions();
        // One writer at a time: two runs that both read LATEST and both switch it would drop each other's source.
        try (FolderLock lock = versions.lock("ingest --source " + request.source())) {
            versions.removeStalePartials(Versioned.STALE_PARTIAL_AGE);
            String base = versions.current();
            String id = versions.newPartial();
            Path scratch = new Path(versions.root(), id + ".scratch");
            boolean committed = false;
            try {
                IngestSummary summary = ingest(request, reader, input, warehouse, new Run(id, base, scratch), started);
                committed = true;
                versions.prune(keep, java.util.Set.of());
                return summary;
            } finally {
                versions.deleteQuietly(scratch);
                if (!committed) {
                    versions.deleteQuietly(versions.partial(id));
                }
            }
        }
    }

    /** The snapshot a run writes ({@code id}), the one it builds on ({@code base}), and its scratch folder. */
    private record Run(String id, String base, Path scratch) {}

    private IngestSummary ingest(IngestRequest request, StagedReader reader, Path input, Warehouse warehouse, Run run,
                                 long started) {
        progress.step("parsing " + request.format().label() + " input " + request.input());
        Staging staging = stage(reader, input, request);
        Dataset<Row> staged = staging.rows().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> readPerFile = countByFile(staged);
            Versioned versions = warehouse.versions();
            Path partial = versions.partial(run.id());
            // With no earlier snapshot there is nothing to merge: the reviews go straight to the snapshot instead of
            // to scratch and then again (the same files: the read-back splits them as they were written).
            String reviewsDir = (run.base() == null ? new Path(partial, Tables.REVIEWS) : run.scratch()).toString();
            Map<String, Dataset<Row>> tables = SnapshotAssembler.assemble(staged, request.source(), staging.scale(),
                    reviews -> {
                        progress.step("merging opinions");
                        reviews.write().parquet(reviewsDir);
                        return spark.read().parquet(reviewsDir);
                    });
            Map<String, Dataset<Row>> merged = warehouse.withOtherSources(tables, request.source(), run.base());
            List<String> toWrite = new ArrayList<>(List.of(Tables.ALL));
            if (run.base() == null) {
                toWrite.remove(Tables.REVIEWS);
            }
            progress.step("writing " + String.join(", ", toWrite) + " and reconciling");
            // The tables are independent jobs: run side by side, one job's planning and its small stages overlap
            // another's tasks (2 cores: ingest of ml-latest-small spent a third of its wall time on one core).
            // Each table's files are the same as written one after another.
            Map<String, java.util.concurrent.Callable<Long>> work = new LinkedHashMap<>();
            for (String table : Tables.ALL) {
                String dir = new Path(partial, table).toString();
                work.put(table, () -> {
                    if (toWrite.contains(table)) {
                        merged.get(table).write().mode("overwrite").parquet(dir);
                    }
                    return spark.read().parquet(dir).count();
                });
            }
            work.put(ACCEPTED_KEYS, () -> acceptedKeys(staged));
            Map<String, Long> done = sideBySide(work);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : Tables.ALL) {
                counts.put(table, done.get(table));
            }
            List<IngestSummary.FileCount> files = reconcile(readPerFile, spark.read().parquet(
                    new Path(partial, Tables.REJECTS).toString()).filter(col("source").equalTo(request.source())));
            checkTables(done.get(ACCEPTED_KEYS), new Path(partial, Tables.REVIEWS).toString(), request.source());
            long read = files.stream().mapToLong(IngestSummary.FileCount::read).sum();
            long rejected = files.stream().mapToLong(IngestSummary.FileCount::rejected).sum();
            double seconds = (System.nanoTime() - started) / 1e9;
            IngestSummary summary = new IngestSummary(Versioned.display(versions.path(run.id())), request.source(),
                    request.format().label(), read, read - rejected, rejected, files, counts, seconds);
            versions.writeText(new Path(partial, "snapshot.json"), JsonText.pretty(summary));
            versions.commit(run.id(), run.base());
            return summary;
        } finally {
            staged.unpersist();
        }
    }

    record Staging(Dataset<Row> rows, SnapshotAssembler.Scale scale) {}

    private Staging stage(StagedReader reader, Path input, IngestRequest r) {
        String s = r.source();
        switch (r.format()) {
            case REVIEWS -> {
                if (!reader.isDirectory(input)) {
                    throw new VouchException("--format reviews needs a folder of review documents: " + input);
                }
                return new Staging(reader.documents(input, s), new SnapshotAssembler.Scale(0, 10));
            }
            case MOVIELENS -> {
                Path ratings = required(reader, input, "ratings.csv");
                Dataset<Row> rows = reader.lines(ratings, "ratings.csv", MovieLensParsers.ratings(s));
                rows = optional(reader, input, "tags.csv", MovieLensParsers.tags(s), rows);
                rows = optional(reader, input, "movies.csv", MovieLensParsers.movies(s), rows);
                rows = optional(reader, input, "aspects.csv", MovieLensParsers.aspects(s), rows);
                return new Staging(rows, new SnapshotAssembler.Scale(MovieLensParsers.MIN, MovieLensParsers.MAX));
            }
            case FILMTRUST -> {
                return trustFormat(reader, input, s, "ratings.txt", "trust.txt", "trusts.txt", Fields.BLANKS_OR_COMMAS,
                        ColumnMapping.parse("user,item,rating"), new SnapshotAssembler.Scale(0.5, 4.0));
            }
            case CIAO -> {
                return trustFormat(reader, input, s, "movie-ratings.txt", "trusts.txt", "trust.txt", Fields.BLANKS_OR_COMMAS,
                        ColumnMapping.parse("user,item,genre,_,rating,date"), new SnapshotAssembler.Scale(1, 5));
            }
            case DELIMITED -> {
                return delimited(reader, input, r);
            }
            default -> throw new VouchException("unknown format " + r.format());
        }
    }

    private Staging trustFormat(StagedReader reader, Path input, String source, String ratingsName, String trustName,
                                String trustAlt, String sep, ColumnMapping columns, SnapshotAssembler.Scale scale) {
        Path folder = reader.isDirectory(input) ? input : input.getParent();
        Path ratings = reader.isDirectory(input) ? required(reader, input, ratingsName) : input;
        Dataset<Row> rows = reader.lines(ratings, ratings.getName(),
                DelimitedParsers.ratings(source, sep, columns, scale.min(), scale.max()));
        Path trust = reader.firstOf(folder, trustName, trustAlt);
        if (trust != null) {
            rows = rows.union(reader.lines(trust, trust.getName(), DelimitedParsers.trust(source, sep)));
        }
        return new Staging(rows, scale);
    }

    private Staging delimited(StagedReader reader, Path input, IngestRequest r) {
        if (reader.isDirectory(input)) {
            throw new VouchException("--format delimited needs a file, not a folder: " + input);
        }
        String sep = IngestRequest.separator(r.separator());
        SnapshotAssembler.Scale given = r.scale();
        double min = given == null ? -Double.MAX_VALUE : given.min();
        double max = given == null ? Double.MAX_VALUE : given.max();
        Dataset<Row> rows = reader.lines(input, input.getName(),
                DelimitedParsers.ratings(r.source(), sep, r.columns(), min, max));
        if (r.columns().indexOf(Role.RATING) >= 0 && given == null) {
            Row range = rows.filter(col("reason").isNull()).agg(min("score"), max("score")).first();
            if (range.isNullAt(0)) {
                throw new VouchException("no readable rating in " + input + " with --columns " + r.columns().roles()
                        + " and separator '" + r.separator() + "'");
            }
            given = new SnapshotAssembler.Scale(Math.min(range.getDouble(0), 0), range.getDouble(1));
            progress.note("inferred rating scale " + given.min() + ".." + given.max());
            if (!SnapshotAssembler.Scale.usable(given.min(), given.max())) {
                // score / scale_max would divide by zero (or flip signs) for every row: reject them all, by name.
                String reason = "the rating scale inferred from the data, " + Fields.fmt(given.min()) + ".."
                        + Fields.fmt(given.max()) + ", is empty or not positive; pass --scale MIN,MAX";
                rows = rows.withColumn("reason", coalesce(col("reason"), lit(reason)));
            }
            rows = rows.withColumn("scale_min", when(col("reason").isNull(), lit(given.min())))
                    .withColumn("scale_max", when(col("reason").isNull(), lit(given.max())));
        }
        return new Staging(rows, given);
    }

    private static Path required(StagedReader reader, Path folder, String name) {
        Path p = reader.firstOf(folder, name);
        if (p == null) {
            throw new VouchException("missing " + name + " in " + folder);
        }
        return p;
    }

    private static Dataset<Row> optional(StagedReader reader, Path folder, String name, LineParser parser,
                                         Dataset<Row> rows) {
        Path p = reader.firstOf(folder, name);
        return p == null ? rows : rows.union(reader.lines(p, name, parser));
    }

    private static Map<String, Long> countByFile(Dataset<Row> staged) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Row r : staged.groupBy("file").count().collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }

    private static List<IngestSummary.FileCount> reconcile(Map<String, Long> read, Dataset<Row> rejects) {
        Map<String, Long> rejected = new LinkedHashMap<>();
        for (Row r : rejects.groupBy("file").count().collectAsList()) {
            rejected.put(r.getString(0), r.getLong(1));
        }
        List<IngestSummary.FileCount> files = new ArrayList<>();
        read.forEach((file, n) -> {
            long bad = rejected.getOrDefault(file, 0L);
            files.add(new IngestSummary.FileCount(file, n, n - bad, bad));
        });
        return files;
    }

    private static final String ACCEPTED_KEYS = "accepted opinion keys";

    /**
     * Runs the counting jobs side by side and returns their results by name, once all have ended (none still writes
     * into the snapshot when a failure deletes it); the first failure is rethrown.
     */
    private static Map<String, Long> sideBySide(Map<String, java.util.concurrent.Callable<Long>> work) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(work.size(), r -> {
            Thread t = new Thread(r, "vouch-ingest-write");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, java.util.concurrent.Future<Long>> futures = new LinkedHashMap<>();
            work.forEach((name, job) -> futures.put(name, pool.submit(job)));
            Map<String, Long> out = new LinkedHashMap<>();
            Throwable failure = null;
            for (Map.Entry<String, java.util.concurrent.Future<Long>> f : futures.entrySet()) {
                try {
                    out.put(f.getKey(), f.getValue().get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure == null ? e : failure;
                }
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            } else if (failure instanceof Error err) {
                throw err;
            } else if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The distinct (reviewer, film) keys of the accepted opinion records: the rows the reviews table must have. */
    private static long acceptedKeys(Dataset<Row> staged) {
        return staged.filter(col("reason").isNull().and(col("kind").isin("RATING", "TAG", "ASPECT")))
                .select("reviewer", "film").distinct().count();
    }

    /** Every accepted opinion record must be in the written reviews table; a mismatch is a bug, not bad input. */
    private void checkTables(long keys, String reviewsDir, String source) {
        long rows = spark.read().parquet(reviewsDir).filter(col("source").equalTo(source)).count();
        if (keys != rows) {
            throw new IllegalStateException("reconciliation failed: " + keys + " distinct accepted opinions but "
                    + rows + " review rows");
        }
    }
}
