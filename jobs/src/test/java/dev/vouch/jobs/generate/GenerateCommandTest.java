package dev.vouch.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheFolderFromTheOptions() {
        int code = new CommandLine(new GenerateCommand()).execute("--out", tmp.toString(), "--seed", "7",
                "--reviewers", "20", "--films", "100", "--opinions", "500", "--groups", "3", "--quiet");
        assertThat(code).isZero();
        assertThat(CsvRows.body(tmp.resolve("ratings.csv"))).hasSize(500);
        assertThat(CsvRows.body(tmp.resolve("movies.csv"))).hasSize(100);
    }

    @Test
    void optionsMatchTheApi() {
        new CommandLine(new GenerateCommand()).execute("--out", tmp.resolve("cli").toString(), "--seed", "7",
                "--reviewers", "20", "--films", "100", "--opinions", "500");
        SyntheticOpinions.write(tmp.resolve("api"),
                SyntheticOpinions.Params.defaults().withSize(20, 100, 500).withSeed(7));
        assertThat(tmp.resolve("cli").resolve("ratings.csv")).hasSameBinaryContentAs(tmp.resolve("api").resolve(
                "ratings.csv"));
    }

    @Test
    void aBadValueIsAUsageErrorThatNamesIt() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GenerateCommand()).setErr(new PrintWriter(err));
        int code = cli.execute("--out", tmp.resolve("x").toString(), "--groups", "9");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("groups must be between 2 and 6");
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    }
}
