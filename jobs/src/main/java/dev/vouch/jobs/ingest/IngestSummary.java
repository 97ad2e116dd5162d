package dev.vouch.jobs.ingest;

import java.util.List;
import java.util.Map;

/**
 * The reconciliation of one ingest run: for every input file, records read = accepted + rejected.
 *
 * @param tables row counts of the snapshot tables (all sources in the snapshot)
 */
public record IngestSummary(String snapshot, String source, String format, long read, long accepted, long rejected,
                            List<FileCount> files, Map<String, Long> tables, double seconds) {

    public record FileCount(String file, long read, long accepted, long rejected) {
        public boolean reconciles() {
            return read == accepted + rejected;
        }
    }

    public IngestSummary {
        files = List.copyOf(files);
        tables = Map.copyOf(tables);
    }

    /** Human-readable lines for the terminal. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("snapshot %s (source %s)%n", snapshot, source));
        for (FileCount f : files) {
            sb.append(String.format("  %-24s read %,9d = accepted %,9d + rejected %,7d%n", f.file(), f.read(),
                    f.accepted(), f.rejected()));
        }
        sb.append(String.format("  %-24s read %,9d = accepted %,9d + rejected %,7d%n", "total", read, accepted, rejected));
        tables.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(String.format("  table %-18s %,d rows%n", e.getKey(), e.getValue())));
        sb.append(String.format("  %.1f s", seconds));
        return sb.toString();
    }
}
