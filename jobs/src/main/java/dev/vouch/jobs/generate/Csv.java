package dev.vouch.jobs.generate;

/** RFC 4180 lines: a field is quoted only when it holds a comma, a quote or a line break. */
final class Csv {
    private Csv() {}

    static String field(String value) {
        if (!needsQuotes(value)) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** One line, with the trailing {@code \n} (never CRLF, so output is the same on every OS). */
    static String line(Object... fields) {
        StringBuilder b = new StringBuilder(16 * fields.length);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            Object f = fields[i];
            if (f instanceof Integer || f instanceof Long) {
                b.append(((Number) f).longValue()); // the hot path of 10M-opinion runs: no String per number
            } else {
                b.append(field(String.valueOf(f)));
            }
        }
        return b.append('\n').toString();
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
