package dev.vouch.serving.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.engine.TopList;
import dev.vouch.engine.TopLists;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a tiny published model (docs/DATA.md section 2) with DuckDB, with a real manifest and checksums.
 *
 * <p>Rank 2, global mean 0.6. Miguel Félix is a harsh critic (mean 0.5, sd 0.2): he rated Arrival 9/10
 * (story 10/10, tagged "Amazing soundtrack"), Heat 6/10 (story 8/10), Cats 2/10 and tagged Amélie "charming"
 * without a score. Ana and Bo agree with him (kindred); Cy does not. Solaris is on a 5-point scale. "Obscure" has
 * no factors and no year. "New Person" has no ratings and no factors. Implicit factors (rank 2) are set so that
 * Miguel's "watch" score of a film is {@code 1.0·y₁ + 0.5·y₂}: Alien 0.4, Solaris 0.1. The ranking weights are
 * implicit 1, rating 0.1, popularity 0 (personal half 5).
 */
public final class ModelFixture {
    public static final String V1 = "20260101-000000-000";
    public static final String V2 = "20260102-000000-000";

    private static final String FILMS = """
            CREATE TABLE films(film_id VARCHAR, title VARCHAR, year INTEGER, genres VARCHAR[], scale_max DOUBLE,
              n_ratings INTEGER, mean_norm DOUBLE, bias DOUBLE, popularity DOUBLE, factors FLOAT[],
              implicit_factors FLOAT[]);
            INSERT INTO films VALUES
              ('film:arrival', 'Arrival%1$s', 2016, ['Sci-Fi', 'Drama'], 10, 4, 0.725, 0.05, 0.80, [0.3, 0.0], [0.5, 0.1]),
              ('film:heat', 'Heat', 1995, ['Crime'], 10, 3, 0.7, 0.0, 0.70, [0.1, 0.2], [0.4, 0.2]),
              ('film:amelie', 'Amélie', 2001, ['Comedy', 'Romance'], 10, 2, 0.75, 0.02, 0.72, [0.2, 0.1], [0.3, 0.3]),
              ('film:alien', 'Alien', 1979, ['Sci-Fi', 'Horror'], 10, 2, 0.85, 0.04, 0.78, [0.25, -0.1], [0.4, 0.0]),
              ('film:cats', 'Cats', 2019, ['Musical'], 10, 3, 0.467, -0.2, 0.30, [-0.3, 0.0], [0.2, 0.4]),
              ('film:solaris', 'Solaris', 1972, ['Sci-Fi'], 5, 1, 0.8, 0.03, 0.75, [0.35, 0.0], [0.1, 0.0]),
              ('film:obscure', 'Obscure', NULL, [], 10, 0, NULL, 0.0, 0.5, NULL, NULL);
            """;
    private static final String REVIEWERS = """
            CREATE TABLE reviewers(reviewer_id VARCHAR, name VARCHAR, role VARCHAR, n_reviews INTEGER,
              n_rated INTEGER, mean_norm DOUBLE, sd_norm DOUBLE, bias DOUBLE, top_tags VARCHAR[], factors FLOAT[],
              implicit_factors FLOAT[]);
            INSERT INTO reviewers VALUES
              ('rev:miguel', 'Miguel Félix', 'critic', 4, 3, 0.5, 0.2, -0.1, ['Amazing soundtrack', 'charming'], [1.0, 0.0], [1.0, 0.5]),
              ('rev:ana', 'Ana Ruiz', NULL, 4, 4, 0.8, 0.1, 0.05, [], [0.8, 0.2], [1.0, 0.0]),
              ('rev:bo', 'Bo Chen', NULL, 4, 4, 0.675, 0.25, 0.0, [], [0.9, 0.1], [0.8, 0.6]),
              ('rev:cy', 'Cy Twombly', NULL, 4, 4, 0.7, 0.25, 0.0, [], [-1.0, 0.5], [0.2, 1.0]),
              ('rev:new', 'New Person', NULL, 0, 0, NULL, NULL, 0.0, [], NULL, NULL);
            """;
    private static final String OPINIONS = """
            CREATE TABLE opinions(reviewer_id VARCHAR, film_id VARCHAR, score DOUBLE, scale_max DOUBLE,
              score_norm DOUBLE, aspects STRUCT(name VARCHAR, score DOUBLE, max DOUBLE)[], tags VARCHAR[],
              review_date DATE);
            INSERT INTO opinions VALUES
              ('rev:miguel', 'film:arrival', 9, 10, 0.9, [{'name': 'story', 'score': 10, 'max': 10}], ['Amazing soundtrack'], NULL),
              ('rev:miguel', 'film:heat', 6, 10, 0.6, [{'name': 'story', 'score': 8, 'max': 10}], [], NULL),
              ('rev:miguel', 'film:cats', 2, 10, 0.2, [], [], NULL),
              ('rev:miguel', 'film:amelie', NULL, 10, NULL, [], ['charming'], NULL),
              ('rev:ana', 'film:arrival', 8, 10, 0.8, [], [], NULL),
              ('rev:ana', 'film:alien', 9, 10, 0.9, [{'name': 'acting', 'score': 9, 'max': 10}], [], NULL),
              ('rev:ana', 'film:heat', 7, 10, 0.7, [], [], NULL),
              ('rev:ana', 'film:solaris', 4, 5, 0.8, [], [], NULL),
              ('rev:bo', 'film:arrival', 9, 10, 0.9, [], [], NULL),
              ('rev:bo', 'film:alien', 8, 10, 0.8, [], [], NULL),
              ('rev:bo', 'film:cats', 3, 10, 0.3, [], [], NULL),
              ('rev:bo', 'film:amelie', 7, 10, 0.7, [], [], NULL),
              ('rev:cy', 'film:cats', 9, 10, 0.9, [], [], NULL),
              ('rev:cy', 'film:heat', 8, 10, 0.8, [], [], NULL),
              ('rev:cy', 'film:amelie', 8, 10, 0.8, [], [], NULL),
              ('rev:cy', 'film:arrival', 3, 10, 0.3, [], [], NULL);
            """;
    private static final String FILM_TAGS = """
            CREATE TABLE film_tags(film_id VARCHAR, tag VARCHAR, count INTEGER, weight DOUBLE);
            INSERT INTO film_tags VALUES
              ('film:arrival', 'amazing soundtrack', 1, 0.8), ('film:arrival', 'aliens', 2, 0.6),
              ('film:alien', 'aliens', 3, 0.9), ('film:alien', 'horror', 1, 0.4),
              ('film:solaris', 'slow', 1, 1.0), ('film:cats', 'musical', 2, 1.0), ('film:heat', 'heist', 1, 1.0);
            """;
    private static final String FILM_ASPECTS = """
            CREATE TABLE film_aspects(film_id VARCHAR, aspect VARCHAR, mean_norm DOUBLE, n INTEGER);
            INSERT INTO film_aspects VALUES ('film:arrival', 'story', 1.0, 1), ('film:heat', 'story', 0.8, 1),
              ('film:alien', 'acting', 0.9, 1);
            """;
    private static final String SIMILAR_FILMS = """
            CREATE TABLE similar_films(film_id VARCHAR, other_id VARCHAR, kind VARCHAR, score DOUBLE);
            INSERT INTO similar_films VALUES ('film:arrival', 'film:alien', 'co_liked', 12.5),
              ('film:arrival', 'film:solaris', 'shared_tags', 3.2), ('film:alien', 'film:arrival', 'co_liked', 12.5);
            """;
    private static final String KINDRED = """
            CREATE TABLE kindred(reviewer_id VARCHAR, other_id VARCHAR, score DOUBLE, llr DOUBLE, co_rated INTEGER,
              agreement DOUBLE);
            INSERT INTO kindred VALUES ('rev:miguel', 'rev:ana', 0.9, 5.1, 2, 0.9),
              ('rev:miguel', 'rev:bo', 0.8, 3.2, 3, 0.8), ('rev:ana', 'rev:miguel', 0.9, 5.1, 2, 0.9),
              ('rev:bo', 'rev:miguel', 0.8, 3.2, 3, 0.8);
            """;
    private static final List<String> SCRIPTS =
            List.of(FILMS, REVIEWERS, OPINIONS, FILM_TAGS, FILM_ASPECTS, SIMILAR_FILMS, KINDRED);

    private static Path shared;
    private static ModelStore sharedStore;

    private ModelFixture() {
    }

    /** A store serving {@link #V1} from one models folder shared by the whole test run (read-only use). */
    public static synchronized ModelStore sharedStore() {
        if (shared == null) {
            try {
                shared = Files.createTempDirectory("vouch-fixture");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            create(shared);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(shared)));
        }
        if (sharedStore == null) {
            sharedStore = new ModelStore(shared);
            sharedStore.reload();
        }
        return sharedStore;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at shutdown
        }
    }

    /** Writes version {@link #V1} and points CURRENT at it; returns the models folder. */
    public static Path create(Path modelsDir) {
        writeVersion(modelsDir, V1, "");
        pointCurrent(modelsDir, V1);
        return modelsDir;
    }

    /** Writes a complete version folder; {@code titleSuffix} is appended to Arrival's title to tell versions apart. */
    public static Path writeVersion(Path modelsDir, String version, String titleSuffix) {
        Path dir = modelsDir.resolve(version);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (int i = 0; i < SCRIPTS.size(); i++) {
                String table = ModelLayout.TABLES.get(i);
                Files.createDirectories(dir.resolve(table));
                st.execute(SCRIPTS.get(i).formatted(titleSuffix));
                st.execute("COPY " + table + " TO '" + dir.resolve(table).resolve("part-00000.parquet")
                        + "' (FORMAT PARQUET)");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        writeManifest(dir, version);
        return dir;
    }

    /** Writes CURRENT beside the versions and renames it into place, as the publisher does. */
    public static void pointCurrent(Path modelsDir, String version) {
        try {
            Path tmp = modelsDir.resolve(ModelLayout.CURRENT + ".tmp");
            Files.writeString(tmp, version + "\n");
            Files.move(tmp, modelsDir.resolve(ModelLayout.CURRENT), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flips bytes in the middle of a table's part file, so its checksum no longer matches. */
    public static void corrupt(Path versionDir, String table) {
        Path file = versionDir.resolve(table).resolve("part-00000.parquet");
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x5a;
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the manifest of a folder from the files now in it (after a test changed them on purpose). */
    public static void writeManifest(Path dir, String version) {
        writeManifest(dir, version, 2);
    }

    /** Rewrites the manifest of a folder holding factors of this rank (implicit factors of rank 2). */
    public static void writeManifest(Path dir, String version, int rank) {
        writeManifest(dir, version, rank, 2);
    }

    /**
     * Publishes {@code reviewer_lists} for the model in {@code dir} (manifest written): every reviewer's list as the
     * engine computes it ({@link TopLists}), then rewrites the manifest to list it.
     */
    public static void publishLists(Path dir, String version, int rank, int implicitRank) {
        Model model = new ModelLoader().load(dir);
        TopList[] lists = TopLists.of(model.ranking(), Runtime.getRuntime().availableProcessors());
        int n = lists.length;
        int[][] films = new int[n][];
        float[][] scores = new float[n][];
        boolean[] complete = new boolean[n];
        for (int r = 0; r < n; r++) {
            films[r] = lists[r].films();
            scores[r] = lists[r].scores();
            complete[r] = lists[r].complete();
        }
        writeLists(dir, model, films, scores, complete);
        writeManifest(dir, version, rank, implicitRank);
    }

    /**
     * Writes {@code reviewer_lists} as given, row r for reviewer r of {@code model} (a null row: no row), without
     * checking it; the caller rewrites the manifest.
     */
    public static void writeLists(Path dir, Model model, int[][] films, float[][] scores, boolean[] complete) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE l(reviewer_id VARCHAR, pos INTEGER, film_id VARCHAR, score FLOAT)");
            st.execute("CREATE TABLE rv(reviewer_id VARCHAR, complete BOOLEAN)");
            try (org.duckdb.DuckDBAppender rows = ((org.duckdb.DuckDBConnection) c).createAppender("main", "l");
                 org.duckdb.DuckDBAppender heads = ((org.duckdb.DuckDBConnection) c).createAppender("main", "rv")) {
                for (int r = 0; r < films.length; r++) {
                    if (films[r] == null) {
                        continue;
                    }
                    String id = model.reviewers().id(r);
                    heads.beginRow();
                    heads.append(id);
                    heads.append(complete[r]);
                    heads.endRow();
                    for (int i = 0; i < films[r].length; i++) {
                        rows.beginRow();
                        rows.append(id);
                        rows.append(i);
                        rows.append(model.films().id(films[r][i]));
                        rows.append(scores[r][i]);
                        rows.endRow();
                    }
                }
            }
            Path folder = dir.resolve(ModelLayout.REVIEWER_LISTS);
            Files.createDirectories(folder);
            st.execute("COPY (SELECT rv.reviewer_id, coalesce(list(l.film_id ORDER BY l.pos) FILTER (WHERE l.pos IS "
                    + "NOT NULL), []::VARCHAR[]) AS film_ids, coalesce(list(l.score ORDER BY l.pos) FILTER (WHERE l.pos "
                    + "IS NOT NULL), []::FLOAT[]) AS scores, rv.complete FROM rv LEFT JOIN l USING (reviewer_id) "
                    + "GROUP BY rv.reviewer_id, rv.complete ORDER BY rv.reviewer_id) TO '"
                    + folder.resolve("part-00000.parquet") + "' (FORMAT PARQUET)");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot write reviewer_lists: " + e.getMessage(), e);
        }
    }

    /** Rewrites the manifest of a folder holding explicit and implicit factors of these ranks. */
    public static void writeManifest(Path dir, String version, int rank, int implicitRank) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format_version", 2).put("version", version).put("created_at", "2026-01-01T00:00:00Z")
                .put("source_snapshot", "/fixture").put("global_mean", 0.6).put("rank", rank);
        root.putObject("params").put("rank", rank).put("reg_param", 0.1).put("seed", 42);
        root.putObject("evaluation").put("rmse", 0.1);
        root.putObject("ranking").put("implicit_rank", implicitRank).put("implicit_weight", 1.0).put("rating_weight", 0.1)
                .put("popularity_weight", 0.0).put("personal_half", 5.0).put("reg_param", 0.1).put("bias_reg", 2.0)
                .put("implicit_reg_param", 0.1).put("implicit_alpha", 5.0)
                .put("implicit_confidence", "watched");
        ObjectNode tables = root.putObject("tables");
        try {
            List<String> written = new java.util.ArrayList<>(ModelLayout.TABLES);
            ModelLayout.OPTIONAL_TABLES.stream().filter(t -> Files.isDirectory(dir.resolve(t))).forEach(written::add);
            for (String table : written) {
                ObjectNode t = tables.putObject(table);
                ArrayNode files = t.putArray("files");
                try (Stream<Path> parts = Files.list(dir.resolve(table))) {
                    for (Path p : parts.sorted().toList()) {
                        files.addObject().put("path", table + "/" + p.getFileName()).put("bytes", Files.size(p))
                                .put("sha256", ManifestVerifier.sha256(p));
                    }
                }
                t.put("rows", -1);
            }
            mapper.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(ModelLayout.MANIFEST).toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
