package dev.vouch.serving.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sites' options of {@code vouch serve}: CORS origins and the cache max-age. */
class ServeCommandTest {
    @Test
    void corsOriginsRepeatOrCommaSeparateAndMaxAgeDefaultsTo60() {
        CommandLine cli = new CommandLine(new ServeCommand());
        CommandLine.ParseResult parsed = cli.parseArgs("serve", "--models", "m", "--cors-origin",
                "https://a.example,https://b.example", "--cors-origin", "http://localhost:3000");
        ServeCommand.Serve serve = (ServeCommand.Serve) parsed.subcommand().commandSpec().userObject();
        assertThat(serve.corsOrigins)
                .containsExactly("https://a.example", "https://b.example", "http://localhost:3000");
        assertThat(serve.cacheMaxAgeSeconds).isEqualTo(60);
        CommandLine.ParseResult none = new CommandLine(new ServeCommand()).parseArgs("serve", "--models", "m",
                "--cache-max-age", "5");
        ServeCommand.Serve plain = (ServeCommand.Serve) none.subcommand().commandSpec().userObject();
        assertThat(plain.corsOrigins).isNull();
        assertThat(plain.cacheMaxAgeSeconds).isEqualTo(5);
    }

    @Test
    void aMalformedOriginStopsTheServerFromStarting(@TempDir Path models) {
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(new java.io.ByteArrayOutputStream()));
            int exit = new CommandLine(new ServeCommand()).execute("serve", "--models", models.toString(),
                    "--cors-origin", "site.example/page");
            assertThat(exit).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
    }
}
