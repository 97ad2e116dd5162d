package dev.vouch.jobs.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.common.Versioned;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 5 of issue 12: retention keeps the newest N versions and never deletes the one the pointer names nor one a
 * running server still serves (its lease in .serving/); a lease of a process that is gone protects nothing.
 */
class RetentionTest {
    @TempDir
    Path models;

    @Test
    void keepsTheNewestThePointedAndTheServedVersions() throws Exception {
        Versioned versions = new Versioned(new Configuration(), models.toString(), "CURRENT");
        String[] ids = new String[8];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = versions.newPartial();
            versions.commit(ids[i], i == 0 ? null : ids[i - 1]);
        }
        Files.writeString(models.resolve("CURRENT"), ids[1] + "\n"); // an operator rolled back by hand
        Path leases = Files.createDirectories(models.resolve(ServedVersions.FOLDER));
        String host = InetAddress.getLocalHost().getHostName();
        Files.writeString(leases.resolve(host + "-" + ProcessHandle.current().pid()), ids[3] + "\n");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(leases.resolve(host + "-" + gone.pid()), ids[2] + "\n");
        Files.createDirectories(models.resolve("20990101-000000-000.partial")); // a run in progress

        List<String> deleted = versions.prune(3, ServedVersions.of(versions));

        assertThat(deleted).containsExactlyInAnyOrder(ids[0], ids[2], ids[4]);
        try (Stream<Path> left = Files.list(models)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .containsExactlyInAnyOrder(ids[1], ids[3], ids[5], ids[6], ids[7], "CURRENT",
                            "20990101-000000-000.partial");
        }
        assertThat(leases.resolve(host + "-" + gone.pid())).as("the stale lease is removed").doesNotExist();
    }
}
