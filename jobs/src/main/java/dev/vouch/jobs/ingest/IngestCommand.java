package dev.vouch.jobs.ingest;

import dev.vouch.jobs.common.JobOptions;
import dev.vouch.jobs.common.JsonText;
import dev.vouch.jobs.common.SparkOptions;
import dev.vouch.jobs.common.SparkSessions;
import dev.vouch.jobs.common.VouchException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vouch ingest}: one source into a new warehouse snapshot. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read reviewer opinions into a new Parquet snapshot of the warehouse.",
                "Every record is accepted or rejected with its file, line and reason; the run prints read = accepted + rejected."})
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "reviews, movielens, filmtrust, ciao or delimited.", converter = FormatConverter.class)
    SourceFormat format;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "The file or folder to read.")
    String input;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The warehouse folder.")
    String warehouse;

    @Option(names = "--source", paramLabel = "NAME", description = "Source name and id prefix (default: the format).")
    String source;

    @Option(names = "--columns", paramLabel = "LIST",
            description = "delimited: column roles in order, e.g. user,item,rating,timestamp (also tags, genre, _).")
    String columns;

    @Option(names = "--separator", paramLabel = "SEP",
            description = "delimited: the separator (default ','); a literal \\t means tab, 'whitespace' any blanks.")
    String separator;

    @Option(names = "--scale", paramLabel = "MIN,MAX", description = "delimited: the rating scale (default: inferred).")
    String scale;

    @Option(names = "--keep", defaultValue = "5", paramLabel = "N",
            description = "complete snapshots to keep; older ones are deleted, LATEST never (default ${DEFAULT-VALUE}).")
    int keep;

    @Mixin
    JobOptions job;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() {
        if (format != SourceFormat.DELIMITED && (columns != null || separator != null || scale != null)) {
            throw new VouchException("--columns, --separator and --scale apply to --format delimited only");
        }
        IngestRequest request = new IngestRequest(format, input, warehouse, source, separator,
                columns == null ? null : ColumnMapping.parse(columns), IngestRequest.scale(scale));
        SparkSession spark = SparkSessions.open("ingest", sparkOptions);
        IngestSummary summary = new IngestJob(spark, job.progress(), keep).run(request);
        System.out.println(job.json ? JsonText.oneLine(summary) : summary.describe());
        return 0;
    }

    /** Case-insensitive format names, with the list of valid ones in the error. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<SourceFormat> {
        @Override
        public SourceFormat convert(String value) {
            for (SourceFormat f : SourceFormat.values()) {
                if (f.label().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("unknown format '" + value
                    + "' (expected reviews, movielens, filmtrust, ciao or delimited)");
        }
    }
}
