package dev.vouch.jobs.ingest;

import dev.vouch.jobs.common.Ids;
import dev.vouch.jobs.common.VouchException;
import java.util.Objects;

/**
 * Everything one ingest run needs, validated up front.
 *
 * @param source    the source name: the prefix of every id and the value of the {@code source} column
 * @param separator for delimited input: the literal separator, or {@code whitespace}
 * @param columns   for delimited input: the column mapping
 * @param scale     for delimited input: the rating scale, or null to infer it from the data
 */
public record IngestRequest(SourceFormat format, String input, String warehouse, String source, String separator,
                            ColumnMapping columns, SnapshotAssembler.Scale scale) {
    public IngestRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(warehouse, "warehouse");
        source = source == null ? format.label() : source;
        if (!source.equals(Ids.slug(source))) {
            throw new VouchException("--source must be lower-case letters, digits and dashes: '" + source + "'");
        }
        if (format == SourceFormat.DELIMITED && columns == null) {
            throw new VouchException("--format delimited needs --columns, e.g. --columns user,item,rating,timestamp");
        }
        if (scale != null && !(scale.min() < scale.max())) {
            throw new VouchException("--scale MIN,MAX needs MIN < MAX, got " + scale.min() + "," + scale.max());
        }
    }

    public static IngestRequest of(SourceFormat format, String input, String warehouse) {
        return new IngestRequest(format, input, warehouse, null, null, null, null);
    }

    /** Parses {@code --separator}: a literal {@code \t} means tab; {@code whitespace} means any run of blanks. */
    static String separator(String raw) {
        if (raw == null || raw.isEmpty()) {
            return ",";
        }
        return switch (raw) {
            case "\\t", "tab", "\t" -> "\t";
            case "whitespace", "space", " " -> Fields.WHITESPACE;
            default -> raw;
        };
    }

    static SnapshotAssembler.Scale scale(String raw) {
        if (raw == null) {
            return null;
        }
        String[] parts = raw.split(",");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            double min = Double.parseDouble(parts[0].strip());
            double max = Double.parseDouble(parts[1].strip());
            if (!SnapshotAssembler.Scale.usable(min, max)) {
                throw new VouchException("--scale needs finite MIN < MAX with MAX above 0; got '" + raw + "'");
            }
            return new SnapshotAssembler.Scale(min, max);
        } catch (NumberFormatException e) {
            throw new VouchException("--scale must be MIN,MAX, e.g. --scale 1,5; got '" + raw + "'");
        }
    }
}
