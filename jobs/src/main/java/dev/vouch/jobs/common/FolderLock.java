package dev.vouch.jobs.common;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer at a time in a versioned folder (a warehouse or a models folder): a {@code .lock} file created
 * atomically (O_EXCL locally, {@code create(overwrite=false)} on HDFS), holding the holder's pid, host, start time
 * and purpose. A second run fails at once with a message naming the holder. A lock left by a process that is gone
 * (same host, pid no longer running) is stale: it is removed with a log line and taken. A lock held from another
 * host cannot be checked from here; the message says how to remove it by hand.
 */
public final class FolderLock implements AutoCloseable {
    public static final String FILE = ".lock";
    private static final Logger LOG = LoggerFactory.getLogger(FolderLock.class);

    private final FileSystem fs;
    private final Path file;
    private final String content;

    private FolderLock(FileSystem fs, Path file, String content) {
        this.fs = fs;
        this.file = file;
        this.content = content;
    }

    /** Takes the lock of {@code folder} for {@code purpose} (e.g. "ingest movielens"), or throws naming the holder. */
    public static FolderLock take(FileSystem fs, Path folder, String purpose) {
        Path file = new Path(folder, FILE);
        Map<String, String> me = new LinkedHashMap<>();
        me.put("pid", Long.toString(ProcessHandle.current().pid()));
        me.put("host", host());
        me.put("since", Instant.now().toString());
        me.put("purpose", purpose.replace('\n', ' '));
        String content = format(me);
        try {
            fs.mkdirs(folder);
            if (create(fs, file, content)) {
                return new FolderLock(fs, file, content);
            }
            Map<String, String> holder = read(fs, file);
            if (isStale(holder)) {
                LOG.warn("removing the stale lock {} of pid {} on {} ({}), which is no longer running",
                        Versioned.display(file), holder.get("pid"), holder.get("host"), holder.get("purpose"));
                fs.delete(file, false);
                if (create(fs, file, content)) {
                    return new FolderLock(fs, file, content);
                }
                holder = read(fs, file);
            }
            throw new VouchException(Versioned.display(folder) + " is locked by " + describe(holder)
                    + "; wait for that run to finish, or, if that process is gone, delete " + Versioned.display(file));
        } catch (IOException e) {
            throw new VouchException("cannot lock " + Versioned.display(folder) + ": " + e.getMessage(), e);
        }
    }

    /** Releases the lock if it is still ours (a lock removed by hand and taken by another run is left alone). */
    @Override
    public void close() {
        try {
            if (fs.exists(file) && content.equals(format(read(fs, file)))) {
                fs.delete(file, false);
            }
        } catch (IOException e) {
            LOG.warn("could not release the lock {}: {}", Versioned.display(file), e.getMessage());
        }
    }

    private static boolean create(FileSystem fs, Path file, String content) throws IOException {
        if ("file".equals(file.toUri().getScheme())) {
            // Hadoop's local create(overwrite=false) checks, then creates: two runs can both pass the check.
            java.nio.file.Path local = java.nio.file.Path.of(file.toUri());
            try {
                Files.write(local, content.getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
        try (OutputStream out = fs.create(file, false)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    private static Map<String, String> read(FileSystem fs, Path file) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        try (FSDataInputStream in = Versioned.raw(fs).open(file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    fields.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (java.io.FileNotFoundException e) {
            // released between our create and this read
        }
        return fields;
    }

    static boolean isStale(Map<String, String> holder) {
        return isGone(holder.get("host"), holder.get("pid"));
    }

    /** Whether a process is known to be gone: it ran on this host and its pid no longer runs. */
    public static boolean isGone(String host, String pid) {
        if (!host().equals(host)) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(Map<String, String> holder) {
        if (holder.isEmpty()) {
            return "another run (the lock file is empty or was just released; try again)";
        }
        return holder.getOrDefault("purpose", "a run") + " (pid " + holder.get("pid") + " on host "
                + holder.get("host") + ", since " + holder.get("since") + ")";
    }

    private static String format(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
