package dev.vouch.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse and models folder mechanics of issue 12, finding 2 and 6, on the local file system (no Spark). */
class VersionedTest {
    @TempDir
    Path dir;

    private Versioned versions() {
        return new Versioned(new Configuration(), dir.toString(), "LATEST");
    }

    @Test
    void aSecondWriterIsRefusedWithTheHolderNamed() {
        Versioned v = versions();
        try (FolderLock held = v.lock("ingest --source alpha")) {
            assertThatThrownBy(() -> versions().lock("ingest --source beta"))
                    .isInstanceOf(VouchException.class)
                    .hasMessageContaining("is locked by ingest --source alpha")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining(".lock");
        }
        assertThat(dir.resolve(FolderLock.FILE)).doesNotExist();
        versions().lock("after release").close();
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve(FolderLock.FILE), "pid=" + gone.pid() + "\nhost="
                + java.net.InetAddress.getLocalHost().getHostName() + "\nsince=2026-01-01T00:00:00Z\npurpose=train\n");
        try (FolderLock lock = versions().lock("ingest")) {
            assertThat(Files.readString(dir.resolve(FolderLock.FILE))).contains("pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    void commitRefusesWhenThePointerMovedSinceTheRunReadIt() {
        Versioned v = versions();
        String first = v.newPartial();
        v.commit(first, null);
        String base = v.current();
        String second = v.newPartial();
        String third = v.newPartial();
        v.commit(third, base);
        assertThatThrownBy(() -> v.commit(second, base)).isInstanceOf(VouchException.class)
                .hasMessageContaining("moved from " + first + " to " + third);
        assertThat(v.current()).isEqualTo(third);
    }

    @Test
    void partialFoldersAreUniqueEvenWhenCreatedInTheSameMillisecond() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(pool.submit(() -> {
                    Versioned v = versions();
                    for (int i = 0; i < 10; i++) {
                        assertThat(ids.add(v.newPartial())).as("a partial folder handed out twice").isTrue();
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(80);
    }

    @Test
    void aPointerEditedByHandIsRead() throws Exception {
        Versioned v = versions();
        String first = v.newPartial();
        v.commit(first, null);
        String second = v.newPartial();
        v.commit(second, first);
        Files.writeString(dir.resolve("LATEST"), first + "\n");
        assertThat(versions().current()).isEqualTo(first);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".crc"));
        }
    }

    @Test
    void partialFoldersOlderThanADayAreRemoved() throws Exception {
        Path old = Files.createDirectories(dir.resolve("20200101-000000-000.partial/reviews"));
        Files.setLastModifiedTime(old.getParent(), FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        Path fresh = Files.createDirectories(dir.resolve("20200102-000000-000.partial"));
        versions().removeStalePartials(Versioned.STALE_PARTIAL_AGE);
        assertThat(old.getParent()).doesNotExist();
        assertThat(fresh).exists();
    }
}
