package dev.vouch.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.common.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines get one line naming the problem and a non-zero exit; no stack trace without --verbose. */
class VouchJobsCliTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String err) {}

    private static Run run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(VouchJobsCli.execute(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run r = run("ingest", "--format", "xml", "--input", "x", "--warehouse", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown format 'xml'").doesNotContain("\tat ");
    }

    @Test
    void delimitedWithoutColumnsNamesTheMissingOption() {
        Run r = run("ingest", "--format", "delimited", "--input", "x", "--warehouse", tmp.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("vouch ingest: --format delimited needs --columns, e.g. --columns "
                + "user,item,rating,timestamp");
    }

    @Test
    void badColumnMappingNamesTheColumn() {
        Run r = run("ingest", "--format", "delimited", "--columns", "user,item,stars", "--input", "x",
                "--warehouse", tmp.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("unknown column 'stars'").doesNotContain("\tat ");
    }

    @Test
    void missingInputIsOneLineAndVerboseAddsTheStackTrace() {
        TestSpark.get();
        String missing = tmp.resolve("nowhere").toString();
        Run quiet = run("ingest", "--format", "movielens", "--input", missing, "--warehouse", tmp.toString(), "--quiet");
        assertThat(quiet.exit()).isEqualTo(1);
        assertThat(quiet.err().strip()).isEqualTo("vouch ingest: input path does not exist: " + missing);
        Run verbose = run("ingest", "--format", "movielens", "--input", missing, "--warehouse", tmp.toString(),
                "--quiet", "--verbose");
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.err()).contains("\tat dev.vouch.jobs.ingest.IngestJob");
    }

    @Test
    void trainWithoutASnapshotSaysWhatToRunFirst() {
        TestSpark.get();
        Run r = run("train", "--warehouse", tmp.resolve("empty").toString(), "--models", tmp.resolve("m").toString(),
                "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no snapshot in").contains("run vouch ingest first").doesNotContain("\tat ");
    }
}
