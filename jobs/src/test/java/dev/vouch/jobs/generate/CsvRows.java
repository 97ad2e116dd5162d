package dev.vouch.jobs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A test-side RFC 4180 reader, written apart from {@link Csv} so the tests do not trust the code they check. */
final class CsvRows {
    private CsvRows() {}

    /** Every line of the file after the header, split into fields. */
    static List<List<String>> body(Path file) {
        List<List<String>> rows = all(file);
        return rows.subList(1, rows.size());
    }

    static List<String> header(Path file) {
        return all(file).get(0);
    }

    static List<List<String>> all(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(CsvRows::split).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
