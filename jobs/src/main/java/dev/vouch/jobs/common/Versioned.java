package dev.vouch.jobs.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A folder of immutable versions plus a one-line pointer file naming the newest complete one. Used for ingest
 * snapshots ({@code LATEST}) and published models ({@code CURRENT}). A version is written under
 * {@code <id>.partial}, renamed when complete, and only then does the pointer switch (write to a temporary file,
 * rename over the pointer), so a failed or killed run never changes what readers see.
 * Works on any Hadoop file system, so the same code runs on a cluster.
 */
public final class Versioned {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final FileSystem fs;
    private final Path root;
    private final String pointer;

    public Versioned(Configuration hadoop, String root, String pointer) {
        try {
            Path p = new Path(root);
            this.fs = p.getFileSystem(hadoop);
            this.root = fs.makeQualified(p);
            this.pointer = pointer;
        } catch (IOException e) {
            throw new VouchException("cannot open " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** A fresh version id, later than any existing one. */
    public String newId() {
        String id = ID.format(Instant.now());
        while (exists(new Path(root, id)) || exists(partial(id))) {
            id = ID.format(Instant.now().plusMillis(1));
            sleepAMillisecond();
        }
        return id;
    }

    public Path partial(String id) {
        return new Path(root, id + ".partial");
    }

    public Path path(String id) {
        return new Path(root, id);
    }

    /** The id the pointer names, or null when nothing has been published yet. */
    public String current() {
        Path p = new Path(root, pointer);
        try {
            if (!fs.exists(p)) {
                return null;
            }
            try (FSDataInputStream in = fs.open(p)) {
                String id = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                return id.isEmpty() ? null : id;
            }
        } catch (IOException e) {
            throw new VouchException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** Renames the finished partial folder into place, then switches the pointer to it. */
    public Path commit(String id) {
        Path done = path(id);
        try {
            if (!fs.rename(partial(id), done)) {
                throw new VouchException("could not rename " + partial(id) + " to " + done);
            }
            Path tmp = new Path(root, "." + pointer + "." + id + ".tmp");
            try (OutputStream out = fs.create(tmp, true)) {
                out.write((id + "\n").getBytes(StandardCharsets.UTF_8));
            }
            Path ptr = new Path(root, pointer);
            // A local rename replaces the pointer atomically; HDFS refuses to overwrite, so there we delete first
            // and readers may briefly see no pointer — never a half-written version.
            if (!fs.rename(tmp, ptr) && !(fs.delete(ptr, false) && fs.rename(tmp, ptr))) {
                throw new VouchException("could not switch " + ptr + " to " + id);
            }
            return done;
        } catch (IOException e) {
            throw new VouchException("could not publish " + id + ": " + e.getMessage(), e);
        }
    }

    /** Writes a small text file (a manifest) inside a partial version. */
    public void writeText(Path file, String text) {
        try (OutputStream out = fs.create(file, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VouchException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a scratch folder inside a partial version. */
    public void delete(Path p) {
        try {
            fs.delete(p, true);
        } catch (IOException e) {
            throw new VouchException("could not delete " + p + ": " + e.getMessage(), e);
        }
    }

    /** A path as a user would type it: a plain local path for the local file system, else the full URI. */
    public static String display(Path p) {
        return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
    }

    public FileSystem fs() {
        return fs;
    }

    private boolean exists(Path p) {
        try {
            return fs.exists(p);
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleepAMillisecond() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
