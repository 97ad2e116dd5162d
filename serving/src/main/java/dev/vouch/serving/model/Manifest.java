package dev.vouch.serving.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.engine.RankParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a version's manifest.json that serving uses.
 *
 * @param version     the version id, equal to the folder name
 * @param globalMean  mean score_norm over the training ratings
 * @param rank        length of every factors array
 * @param implicitRank length of every implicit_factors array
 * @param ranking     the ranking engine's blend weights and fold-in settings (the manifest's {@code ranking})
 * @param tables      table name to its listed files: every required table, and the optional ones published
 */
public record Manifest(String version, double globalMean, int rank, int implicitRank, RankParams ranking,
                       Map<String, List<FileEntry>> tables) {

    /** One listed Parquet file: path relative to the version folder, size and SHA-256 (hex). */
    public record FileEntry(String path, long bytes, String sha256) {
    }

    public Manifest {
        tables = Map.copyOf(tables);
        if (rank < 1) {
            throw new ModelLoadException("manifest: rank must be at least 1, was " + rank);
        }
        if (implicitRank < 1) {
            throw new ModelLoadException("manifest: ranking.implicit_rank must be at least 1, was " + implicitRank);
        }
    }

    /** Reads and validates {@code <versionDir>/manifest.json}; throws {@link ModelLoadException} naming the field. */
    public static Manifest read(Path versionDir, ObjectMapper mapper) {
        Path file = versionDir.resolve(ModelLayout.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("missing " + file);
        }
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new ModelLoadException("unreadable " + file + ": " + e.getMessage(), e);
        }
        int format = required(root, "format_version").asInt();
        if (format != ModelLayout.FORMAT_VERSION) {
            throw new ModelLoadException("manifest: unsupported format_version " + format);
        }
        JsonNode ranking = required(root, "ranking");
        return new Manifest(required(root, "version").asText(), number(root, "global_mean"),
                (int) number(root, "rank"), (int) number(ranking, "implicit_rank"), ranking(ranking),
                tables(required(root, "tables")));
    }

    /** The {@code ranking} object; a missing or out-of-range value refuses the model, naming the field. */
    private static RankParams ranking(JsonNode node) {
        try {
            return new RankParams(number(node, "implicit_weight"), number(node, "rating_weight"),
                    number(node, "popularity_weight"), number(node, "personal_half"), number(node, "reg_param"),
                    number(node, "bias_reg"), number(node, "implicit_reg_param"), number(node, "implicit_alpha"),
                    confidence(node));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException("manifest: ranking." + e.getMessage(), e);
        }
    }

    /** {@code implicit_confidence}: "rating" (confidence weighed by the score) or "watched" (every opinion alike). */
    private static boolean confidence(JsonNode node) {
        String c = required(node, "implicit_confidence").asText();
        if (!c.equals("rating") && !c.equals("watched")) {
            throw new ModelLoadException("manifest: ranking.implicit_confidence must be \"rating\" or \"watched\", "
                    + "was \"" + c + "\"");
        }
        return c.equals("rating");
    }

    private static Map<String, List<FileEntry>> tables(JsonNode node) {
        Map<String, List<FileEntry>> tables = new LinkedHashMap<>();
        for (String table : ModelLayout.TABLES) {
            tables.put(table, files(node.path(table).path("files"), table));
        }
        for (String table : ModelLayout.OPTIONAL_TABLES) {
            if (!node.path(table).isMissingNode()) {
                tables.put(table, files(node.path(table).path("files"), table));
            }
        }
        return tables;
    }

    private static List<FileEntry> files(JsonNode files, String table) {
        if (!files.isArray()) {
            throw new ModelLoadException("manifest: tables." + table + ".files is missing");
        }
        List<FileEntry> entries = new ArrayList<>();
        for (JsonNode f : files) {
            entries.add(new FileEntry(required(f, "path").asText(), f.path("bytes").asLong(-1),
                    required(f, "sha256").asText()));
        }
        return List.copyOf(entries);
    }

    /** True when the manifest lists {@code table} (every required table; an optional one when published). */
    public boolean has(String table) {
        return tables.containsKey(table);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ModelLoadException("manifest: field '" + field + "' is missing");
        }
        return value;
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber()) {
            throw new ModelLoadException("manifest: field '" + field + "' must be a number");
        }
        return value.asDouble();
    }
}
