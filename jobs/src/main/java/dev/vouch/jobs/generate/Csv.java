package dev.vouch.jobs.generate;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 lines: a field is quoted only when it holds a comma, a quote or a line break. */
final class Csv {
    private Csv() {}

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** One line, with the trailing {@code \n} (never CRLF, so output is the same on every OS). */
    static String line(Object... fields) {
        return Stream.of(fields).map(f -> field(String.valueOf(f))).collect(Collectors.joining(",", "", "\n"));
    }
}
