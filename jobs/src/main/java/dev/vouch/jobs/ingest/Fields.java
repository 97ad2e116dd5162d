package dev.vouch.jobs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Splitting one delimited line into fields and reading typed values, with reasons that name the field. */
final class Fields {
    private Fields() {}

    /** A separator that is whitespace: any run of spaces or tabs separates (FilmTrust, CiaoDVD style). */
    static final String WHITESPACE = "whitespace";
    /** Blanks or commas: FilmTrust and CiaoDVD copies in the wild use either. */
    static final String BLANKS_OR_COMMAS = "blanks-or-commas";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.:@-]+");
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("[ \\t]+");
    private static final java.util.regex.Pattern BLANKS_COMMAS = java.util.regex.Pattern.compile("\\s*[,;\\s]\\s*");

    /**
     * Splits one line. With a comma, RFC 4180 quoting is honoured ("a, b" and doubled quotes); with
     * {@link #WHITESPACE}, any run of blanks separates; otherwise the literal separator splits.
     */
    static List<String> split(String line, String separator) throws BadRecord {
        if (WHITESPACE.equals(separator)) {
            String trimmed = line.strip();
            return trimmed.isEmpty() ? List.of() : List.of(BLANKS.split(trimmed));
        }
        if (BLANKS_OR_COMMAS.equals(separator)) {
            String trimmed = line.strip();
            return trimmed.isEmpty() ? List.of() : List.of(BLANKS_COMMAS.split(trimmed));
        }
        return ",".equals(separator) ? splitQuoted(line) : splitLiteral(line, separator);
    }

    private static List<String> splitLiteral(String line, String separator) {
        List<String> out = new ArrayList<>(6);
        int from = 0;
        int at;
        while ((at = line.indexOf(separator, from)) >= 0) {
            out.add(line.substring(from, at));
            from = at + separator.length();
        }
        out.add(line.substring(from));
        return out;
    }

    /** One RFC 4180 line (Apache Commons CSV): quoted fields may hold commas and doubled quotes. */
    private static List<String> splitQuoted(String line) throws BadRecord {
        if (line.indexOf('"') < 0 && line.indexOf('\r') < 0 && line.indexOf('\n') < 0) {
            // Nothing quoted: the same fields as the parser's, without a parser (and its 8 KiB buffer) per line,
            // which was the largest single cost of a MovieLens ingest in the profile.
            return splitLiteral(line, ",");
        }
        try (CSVParser parser = CSVParser.parse(line, CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new BadRecord("unterminated quoted field or text after a closing quote");
        }
    }

    static void expectCount(List<String> fields, int expected) throws BadRecord {
        if (fields.size() != expected) {
            throw new BadRecord("expected " + expected + " fields, found " + fields.size());
        }
    }

    static String id(String name, String value) throws BadRecord {
        String v = value.strip();
        if (v.isEmpty()) {
            throw new BadRecord(name + " is empty");
        }
        if (!ID.matcher(v).matches()) {
            throw new BadRecord(name + " is not a valid id: '" + v + "'");
        }
        return v;
    }

    static double number(String name, String value) throws BadRecord {
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadRecord(name + " is not a number: '" + value.strip() + "'");
        }
    }

    static double score(String name, String value, double min, double max) throws BadRecord {
        double d = number(name, value);
        if (d < min || d > max) {
            throw new BadRecord(name + " " + value.strip() + " is outside the scale " + fmt(min) + ".." + fmt(max));
        }
        return d;
    }

    /** Epoch seconds (all digits) or an ISO date (yyyy-MM-dd); empty means unknown. */
    static LocalDate date(String name, String value) throws BadRecord {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            if (v.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(v)).atOffset(ZoneOffset.UTC).toLocalDate();
            }
            return LocalDate.parse(v);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadRecord(name + " is neither epoch seconds nor a yyyy-MM-dd date: '" + v + "'");
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
