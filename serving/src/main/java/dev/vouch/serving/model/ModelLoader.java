package dev.vouch.serving.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one version folder into a {@link Model}: reads the manifest, verifies every file's SHA-256, then reads
 * each table with an in-process DuckDB. Nothing is shared with a model already being served. Not final: tests
 * inject the failures a real load can hit (an {@code OutOfMemoryError}) through a subclass.
 */
public class ModelLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);
    private final ObjectMapper mapper = new ObjectMapper();

    /** Loads {@code versionDir}; throws {@link ModelLoadException} when it is missing, partial or corrupt. */
    public Model load(Path versionDir) {
        long started = System.nanoTime();
        if (!Files.isDirectory(versionDir)) {
            throw new ModelLoadException("no version folder " + versionDir);
        }
        Manifest manifest = Manifest.read(versionDir, mapper);
        if (!manifest.version().equals(versionDir.getFileName().toString())) {
            throw new ModelLoadException("manifest version " + manifest.version() + " does not match folder "
                    + versionDir.getFileName());
        }
        ManifestVerifier.verify(versionDir, manifest);
        LoadLog log = new LoadLog();
        Model model;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            TableReader reader = new TableReader(connection, versionDir, manifest);
            ModelLayout.TABLES.forEach(reader::requireColumns);
            int rank = manifest.rank();
            Films films = Films.load(reader, rank, manifest.implicitRank());
            Reviewers reviewers = Reviewers.load(reader, rank, manifest.implicitRank());
            model = new Model(manifest, films, reviewers, Opinions.load(reader, reviewers, films, log),
                    Kindred.load(reader, reviewers, log), SimilarFilms.load(reader, films, log),
                    FilmTags.load(reader, films, log), FilmAspects.load(reader, films, log),
                    started);
        } catch (SQLException e) {
            throw new ModelLoadException("cannot open DuckDB: " + e.getMessage(), e);
        }
        if (!log.skipped().isEmpty()) {
            LOG.warn("model {}: rows skipped for ids missing from films/reviewers: {}", manifest.version(),
                    log.skipped());
        }
        return model;
    }
}
