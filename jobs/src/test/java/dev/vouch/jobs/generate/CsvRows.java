package dev.vouch.jobs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The tests read what the generator writes with Apache Commons CSV (RFC 4180), not with the code they check. */
final class CsvRows {
    private CsvRows() {}

    /** Every record of the file after the header, split into fields. */
    static List<List<String>> body(Path file) {
        List<List<String>> rows = all(file);
        return rows.subList(1, rows.size());
    }

    static List<String> header(Path file) {
        return all(file).get(0);
    }

    static List<List<String>> all(Path file) {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line) {
        try (CSVParser parser = CSVParser.parse(line, CSVFormat.RFC4180)) {
            return parser.getRecords().get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
