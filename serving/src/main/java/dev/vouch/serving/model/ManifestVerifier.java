package dev.vouch.serving.model;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a version folder against its manifest before anything is read: every listed file exists, has the listed
 * size and SHA-256, and every Parquet file that a table's glob would read is listed.
 */
final class ManifestVerifier {
    private ManifestVerifier() {
    }

    /** Throws {@link ModelLoadException} naming the first file that does not match. */
    static void verify(Path versionDir, Manifest manifest) {
        verify(versionDir, manifest, Pace.FULL);
    }

    /** Like {@link #verify(Path, Manifest)}, giving way to other threads between chunks as {@code pace} says. */
    static void verify(Path versionDir, Manifest manifest, Pace pace) {
        for (String table : manifest.tables().keySet()) {
            List<Manifest.FileEntry> files = manifest.tables().get(table);
            Set<Path> listed = new HashSet<>();
            for (Manifest.FileEntry entry : files) {
                Path file = versionDir.resolve(entry.path()).normalize();
                if (!file.startsWith(versionDir.normalize())) {
                    throw new ModelLoadException("manifest lists a file outside the version: " + entry.path());
                }
                checkFile(file, entry, pace);
                listed.add(file);
            }
            Set<Path> present = parquetFiles(versionDir.resolve(table));
            present.removeAll(listed);
            if (!present.isEmpty()) {
                throw new ModelLoadException("unlisted file(s) in " + table + ": " + present);
            }
        }
    }

    private static void checkFile(Path file, Manifest.FileEntry entry, Pace pace) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("missing file " + entry.path());
        }
        try {
            long size = Files.size(file);
            if (entry.bytes() >= 0 && size != entry.bytes()) {
                throw new ModelLoadException("size mismatch for " + entry.path() + ": " + size + " bytes, manifest says "
                        + entry.bytes());
            }
            String actual = sha256(file, pace);
            if (!actual.equalsIgnoreCase(entry.sha256())) {
                throw new ModelLoadException("checksum mismatch for " + entry.path());
            }
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + entry.path() + ": " + e.getMessage(), e);
        }
    }

    private static Set<Path> parquetFiles(Path tableDir) {
        if (!Files.isDirectory(tableDir)) {
            return new HashSet<>();
        }
        try (Stream<Path> files = Files.list(tableDir)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"))
                    .map(Path::normalize).collect(Collectors.toCollection(HashSet::new));
        } catch (IOException e) {
            throw new ModelLoadException("cannot list " + tableDir + ": " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(file, Pace.FULL);
    }

    private static String sha256(Path file, Pace pace) throws IOException {
        MessageDigest digest = DigestUtils.getSha256Digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                pace.breathe();
            }
        }
        return Hex.encodeHexString(digest.digest());
    }
}
