package dev.vouch.serving.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one version folder into a {@link Model}: reads the manifest, verifies every file's SHA-256, then reads
 * each table with an in-process DuckDB. Nothing is shared with a model already being served. Not final: tests
 * inject the failures a real load can hit (an {@code OutOfMemoryError}) through a subclass.
 */
public class ModelLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);
    /**
     * The share of one core a reload beside a served model may take ({@link Pace}), its preparation included: the
     * ≈ 0.8 s of CPU of an ml-latest-small load then spread over ≈ 3 s, and the requests keep the rest of the machine.
     */
    public static final double RELOAD_CPU_SHARE = 0.25;
    private final ObjectMapper mapper = new ObjectMapper();

    /** Loads {@code versionDir}; throws {@link ModelLoadException} when it is missing, partial or corrupt. */
    public Model load(Path versionDir) {
        return load(versionDir, false);
    }

    /**
     * Loads {@code versionDir}. {@code gentle}: one table at a time on one DuckDB thread, for a reload while another
     * version is being served, paced to {@link #RELOAD_CPU_SHARE} of a core, so that the load leaves the cores to
     * the requests; otherwise as fast as the cores allow (tables read side by side).
     */
    public Model load(Path versionDir, boolean gentle) {
        long started = System.nanoTime();
        Pace pace = gentle ? Pace.of(RELOAD_CPU_SHARE) : Pace.FULL;
        if (!Files.isDirectory(versionDir)) {
            throw new ModelLoadException("no version folder " + versionDir);
        }
        Manifest manifest = Manifest.read(versionDir, mapper);
        if (!manifest.version().equals(versionDir.getFileName().toString())) {
            throw new ModelLoadException("manifest version " + manifest.version() + " does not match folder "
                    + versionDir.getFileName());
        }
        ManifestVerifier.verify(versionDir, manifest, pace);
        LoadLog log = new LoadLog();
        Model model;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            if (gentle) {
                try (java.sql.Statement st = connection.createStatement()) {
                    st.execute("SET threads TO 1");
                }
            }
            TableReader reader = new TableReader(connection, versionDir, manifest, pace);
            manifest.tables().keySet().forEach(reader::requireColumns);
            int rank = manifest.rank();
            // Two rounds of tables read side by side, each on its own DuckDB connection: the films and reviewers
            // first (every other table refers to them), then the rest.
            Future<Reviewers> reviewersRead = side(gentle, pace, connection, versionDir, manifest,
                    r -> Reviewers.load(r, rank, manifest.implicitRank()));
            long t0 = System.nanoTime();
            Films films = Films.load(reader, rank, manifest.implicitRank());
            Reviewers reviewers = join(reviewersRead);
            long t1 = System.nanoTime();
            Future<SimilarFilms> similarRead = side(gentle, pace, connection, versionDir, manifest,
                    r -> SimilarFilms.load(r, films, log));
            Opinions opinions = Opinions.load(reader, reviewers, films, log);
            Kindred kindred = Kindred.load(reader, reviewers, log);
            FilmTags tags = FilmTags.load(reader, films, log);
            FilmAspects aspects = FilmAspects.load(reader, films, log);
            ReviewerLists lists = manifest.has(ModelLayout.REVIEWER_LISTS)
                    ? ReviewerLists.load(reader, reviewers, films, log) : ReviewerLists.none(reviewers.size());
            SimilarFilms similar = join(similarRead);
            long t2 = System.nanoTime();
            model = new Model(manifest, films, reviewers, opinions, kindred, similar, tags, aspects, lists, started);
            LOG.info("model {}: checksums and columns {} ms, films and reviewers {} ms, other tables {} ms, "
                    + "indexes {} ms{}", manifest.version(), (t0 - started) / 1_000_000, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000,
                    gentle ? " (paced to " + RELOAD_CPU_SHARE + " of a core: " + pace.cpuMillis() + " ms of CPU, "
                            + pace.sleptMillis() + " ms asleep)"
                            : "");
        } catch (SQLException e) {
            throw new ModelLoadException("cannot open DuckDB: " + e.getMessage(), e);
        }
        if (!log.skipped().isEmpty()) {
            LOG.warn("model {}: rows skipped for ids missing from films/reviewers: {}", manifest.version(),
                    log.skipped());
        }
        return model;
    }

    /** Reads with a duplicate of {@code connection} on a thread of its own; {@code inline}: here and now, paced. */
    private static <T> Future<T> side(boolean inline, Pace pace, Connection connection, Path versionDir,
                                      Manifest manifest, Function<TableReader, T> read) throws SQLException {
        if (inline) {
            FutureTask<T> task = new FutureTask<>(() -> read.apply(new TableReader(connection, versionDir, manifest,
                    pace)));
            task.run();
            return task;
        }
        Connection own = ((DuckDBConnection) connection).duplicate();
        FutureTask<T> task = new FutureTask<>(() -> {
            try (own) {
                return read.apply(new TableReader(own, versionDir, manifest));
            }
        });
        Thread t = new Thread(task, "vouch-model-load");
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static <T> T join(Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelLoadException("interrupted while loading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new ModelLoadException(String.valueOf(e.getCause()), e.getCause());
        }
    }
}
