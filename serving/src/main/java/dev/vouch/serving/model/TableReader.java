package dev.vouch.serving.model;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Reads one model table through DuckDB as {@code read_parquet('<version>/<table>/*.parquet')}. */
final class TableReader {
    /** Receives one row; the result set is positioned on it. */
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Path versionDir;
    private final Manifest manifest;
    private final Pace pace;

    TableReader(Connection connection, Path versionDir, Manifest manifest) {
        this(connection, versionDir, manifest, Pace.FULL);
    }

    /** A reader that gives way to other threads between rows as {@code pace} says. */
    TableReader(Connection connection, Path versionDir, Manifest manifest, Pace pace) {
        this.connection = connection;
        this.versionDir = versionDir;
        this.manifest = manifest;
        this.pace = pace;
    }

    /** Refuses a table without every column serving reads from it ({@link ModelLayout#COLUMNS}), naming them. */
    void requireColumns(String table) {
        if (manifest.tables().get(table).isEmpty()) {
            return;
        }
        Set<String> present = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source(table))) {
            while (rs.next()) {
                present.add(rs.getString("column_name"));
            }
        } catch (SQLException e) {
            throw new ModelLoadException("table " + table + ": " + e.getMessage(), e);
        }
        List<String> missing = ModelLayout.COLUMNS.get(table).stream().filter(c -> !present.contains(c))
                .toList();
        if (!missing.isEmpty()) {
            throw new ModelLoadException("table " + table + " lacks column(s) " + String.join(", ", missing));
        }
    }

    private String source(String table) {
        String glob = versionDir.resolve(table).toAbsolutePath() + "/*.parquet";
        return "read_parquet('" + glob.replace("'", "''") + "')";
    }

    /** Runs {@code SELECT <columns> FROM <table>} and hands every row over; a table without files has no rows. */
    int forEach(String table, String columns, RowHandler handler) {
        return forEach(table, columns, null, handler);
    }

    /** Like {@link #forEach(String, String, RowHandler)}, ordered by {@code orderBy} when it is not null. */
    int forEach(String table, String columns, String orderBy, RowHandler handler) {
        if (manifest.tables().get(table).isEmpty()) {
            return 0;
        }
        String sql = "SELECT " + columns + " FROM " + source(table)
                + (orderBy == null ? "" : " ORDER BY " + orderBy);
        int rows = 0;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                handler.row(rs);
                if ((++rows & 255) == 0) {
                    pace.breathe();
                }
            }
        } catch (SQLException e) {
            throw new ModelLoadException("table " + table + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Number of rows a table holds. */
    int count(String table) {
        int[] n = {0};
        forEach(table, "count(*)", rs -> n[0] = rs.getInt(1));
        return n[0];
    }

    /** A list column of strings, nulls dropped; an empty array for a null cell. */
    static String[] strings(ResultSet rs, String column) throws SQLException {
        Object[] values = values(rs, column);
        return Arrays.stream(values).filter(Objects::nonNull).map(Object::toString)
                .toArray(String[]::new);
    }

    static double[] doubles(ResultSet rs, String column) throws SQLException {
        Object[] values = values(rs, column);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? Double.NaN : ((Number) values[i]).doubleValue();
        }
        return out;
    }

    /** A list column as floats, or null when the cell is null. */
    static float[] floatsOrNull(ResultSet rs, String column) throws SQLException {
        if (rs.getObject(column) == null) {
            return null;
        }
        double[] d = doubles(rs, column);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    /** A nullable double column, NaN for null. */
    static double doubleOrNaN(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static Object[] values(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return new Object[0];
        }
        return (Object[]) array.getArray();
    }
}
