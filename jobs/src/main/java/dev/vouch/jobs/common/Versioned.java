package dev.vouch.jobs.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of immutable versions plus a one-line pointer file naming the newest complete one. Used for ingest
 * snapshots ({@code LATEST}) and published models ({@code CURRENT}). A version is written under
 * {@code <id>.partial} (created atomically, so two runs never share one), renamed when complete, and only then does
 * the pointer switch (write to a temporary file, rename over the pointer), so a failed or killed run never changes
 * what readers see. Writers hold the folder's {@link FolderLock}, and the switch is a compare-and-swap: it refuses
 * when the pointer moved since the run read it. Pointer files are written without Hadoop's {@code .crc} side files,
 * so an operator may edit them by hand. Works on any Hadoop file system, so the same code runs on a cluster.
 */
public final class Versioned {
    /** A {@code .partial} folder this old is a dead run's, not one in progress. */
    public static final java.time.Duration STALE_PARTIAL_AGE = java.time.Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(Versioned.class);
    /** How many complete versions a run keeps when not told otherwise. */
    public static final int DEFAULT_KEEP = 5;
    private static final java.util.regex.Pattern VERSION_NAME = java.util.regex.Pattern.compile("\\d{8}-\\d{6}-\\d{3}");
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

    /** Takes this folder's writer lock; close it when the run ends (see {@link FolderLock}). */
    public FolderLock lock(String purpose) {
        return FolderLock.take(fs, root, purpose);
    }

    /**
     * A fresh version id, later than any existing one, whose {@code <id>.partial} folder this call created. The
     * creation is atomic on a local disk, so two runs started in the same millisecond get different ids.
     */
    public String newPartial() {
        while (true) {
            String id = ID.format(Instant.now());
            if (!exists(path(id)) && createExclusively(partial(id))) {
                return id;
            }
            sleepAMillisecond();
        }
    }

    private boolean createExclusively(Path dir) {
        try {
            if ("file".equals(dir.toUri().getScheme())) {
                Files.createDirectories(java.nio.file.Path.of(root.toUri()));
                Files.createDirectory(java.nio.file.Path.of(dir.toUri()));
                return true;
            }
            // Elsewhere mkdirs is not exclusive; the folder lock keeps writers apart there.
            return !fs.exists(dir) && fs.mkdirs(dir);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new VouchException("cannot create " + dir + ": " + e.getMessage(), e);
        }
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
            try (FSDataInputStream in = raw(fs).open(p)) {
                String id = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                return id.isEmpty() ? null : id;
            }
        } catch (IOException e) {
            throw new VouchException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renames the finished partial folder into place, then switches the pointer to it — only if the pointer still
     * names {@code expected} (what the run read when it started; null for none). Call it holding the lock.
     */
    public Path commit(String id, String expected) {
        String now = current();
        if (!java.util.Objects.equals(now, expected)) {
            throw new VouchException(pointer + " in " + display(root) + " moved from " + expected + " to " + now
                    + " while this run worked; refusing to publish " + id + " over it (nothing was changed; run again)");
        }
        Path done = path(id);
        try {
            if (!fs.rename(partial(id), done)) {
                throw new VouchException("could not rename " + partial(id) + " to " + done);
            }
            FileSystem raw = raw(fs);
            Path tmp = new Path(root, "." + pointer + "." + id + ".tmp");
            try (OutputStream out = raw.create(tmp, true)) {
                out.write((id + "\n").getBytes(StandardCharsets.UTF_8));
            }
            Path ptr = new Path(root, pointer);
            // A local rename replaces the pointer atomically; HDFS refuses to overwrite, so there we delete first
            // and readers may briefly see no pointer — never a half-written version.
            if (!raw.rename(tmp, ptr) && !(raw.delete(ptr, false) && raw.rename(tmp, ptr))) {
                throw new VouchException("could not switch " + ptr + " to " + id);
            }
            // A checksum left by an older version of this code would make a hand-edited pointer unreadable.
            raw.delete(new Path(root, "." + pointer + ".crc"), false);
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

    /** Deletes a folder of a run that is ending anyway, logging instead of failing (the run's own error matters more). */
    public void deleteQuietly(Path p) {
        try {
            fs.delete(p, true);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", display(p), e.getMessage());
        }
    }

    /**
     * Deletes {@code .partial} and {@code .scratch} folders older than {@code maxAge}: what a killed run left (a
     * failed run deletes its own). Younger ones may belong to a run on another host, so they stay. Call holding the
     * lock.
     */
    public void removeStalePartials(java.time.Duration maxAge) {
        long cutoff = System.currentTimeMillis() - maxAge.toMillis();
        try {
            if (!fs.exists(root)) {
                return;
            }
            for (FileStatus f : fs.listStatus(root)) {
                String name = f.getPath().getName();
                if (f.isDirectory() && (name.endsWith(".partial") || name.endsWith(".scratch"))
                        && f.getModificationTime() < cutoff) {
                    LOG.warn("removing {}, left by a run that did not finish (last written {})", display(f.getPath()),
                            Instant.ofEpochMilli(f.getModificationTime()));
                    fs.delete(f.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new VouchException("cannot clean " + display(root) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes complete versions beyond the newest {@code keep}, never the one the pointer names nor any in
     * {@code protect} (versions a running server still serves). Call holding the lock. Returns the ids deleted.
     */
    public java.util.List<String> prune(int keep, java.util.Set<String> protect) {
        if (keep < 1) {
            throw new VouchException("--keep must be at least 1, was " + keep);
        }
        String current = current();
        java.util.List<String> ids = new java.util.ArrayList<>();
        try {
            for (FileStatus f : fs.listStatus(root)) {
                if (f.isDirectory() && VERSION_NAME.matcher(f.getPath().getName()).matches()) {
                    ids.add(f.getPath().getName());
                }
            }
        } catch (IOException e) {
            throw new VouchException("cannot list " + display(root) + ": " + e.getMessage(), e);
        }
        ids.sort(java.util.Comparator.reverseOrder());
        java.util.List<String> deleted = new java.util.ArrayList<>();
        for (String id : ids.subList(Math.min(keep, ids.size()), ids.size())) {
            if (!id.equals(current) && !protect.contains(id)) {
                LOG.info("retention: deleting {} (keeping the newest {})", display(path(id)), keep);
                deleteQuietly(path(id));
                deleted.add(id);
            }
        }
        return deleted;
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

    /**
     * The file system without Hadoop's client-side checksums (the local one writes a {@code .name.crc} beside every
     * file and then refuses to read a file edited by hand). Used for the small files people may edit: pointers, locks.
     */
    static FileSystem raw(FileSystem fs) {
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
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
