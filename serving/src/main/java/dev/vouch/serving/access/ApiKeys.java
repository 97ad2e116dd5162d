package dev.vouch.serving.access;

import org.apache.commons.codec.digest.DigestUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys sites call {@code /api/*} with, by name. Keys are held only as SHA-256 digests and looked up by the
 * digest of what a request presents, so neither the lookup's timing nor a heap dump gives a key away, and logs and
 * metrics name the key, never show it. No keys configured means the API is open (bind to loopback, as by default).
 *
 * <p>Format, from a file or the {@code VOUCH_API_KEYS} variable: one {@code name=key} per line (or separated by
 * commas in the variable); blank lines and lines starting with {@code #} are skipped.
 */
public final class ApiKeys {
    private final Map<String, String> nameByDigest;

    private ApiKeys(Map<String, String> nameByDigest) {
        this.nameByDigest = Map.copyOf(nameByDigest);
    }

    public static ApiKeys none() {
        return new ApiKeys(Map.of());
    }

    /** Parses {@code name=key} entries; a malformed entry or a duplicate name or key is an error naming the entry. */
    public static ApiKeys parse(String text) {
        Map<String, String> byDigest = new LinkedHashMap<>();
        int n = 0;
        for (String raw : text.split("[\\n,]")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? "" : line.substring(0, eq).strip();
            String key = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (name.isEmpty() || key.length() < 16 || !name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("API key entry " + n + " must be NAME=KEY with a plain name and a "
                        + "key of at least 16 characters");
            }
            if (byDigest.containsValue(name) || byDigest.put(digest(key), name) != null) {
                throw new IllegalArgumentException("API key entry " + n + " repeats a name or a key");
            }
        }
        return new ApiKeys(byDigest);
    }

    public static ApiKeys fromFile(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API keys file " + file, e);
        }
    }

    public boolean enabled() {
        return !nameByDigest.isEmpty();
    }

    public int size() {
        return nameByDigest.size();
    }

    /** The name of the key presented, if it is one of ours. */
    public Optional<String> nameOf(String presented) {
        return presented == null || presented.isEmpty() ? Optional.empty()
                : Optional.ofNullable(nameByDigest.get(digest(presented)));
    }

    private static String digest(String key) {
        return DigestUtils.sha256Hex(key);
    }
}
