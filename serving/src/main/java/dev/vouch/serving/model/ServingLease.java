package dev.vouch.serving.model;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the jobs' retention which version this server reads: {@code <models>/.serving/<host>-<pid>} holds the
 * served version, rewritten (atomically) on every swap and deleted on close. A lease left by a killed server names
 * a pid that is gone, and retention ignores it (docs/DATA.md, section 2).
 */
public final class ServingLease implements ModelStore.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServingLease.class);
    private final Path file;

    public ServingLease(Path modelsDir) {
        this.file = modelsDir.resolve(ModelLayout.SERVING_LEASES).resolve(host() + "-" + ProcessHandle.current().pid());
    }

    public Path file() {
        return file;
    }

    @Override
    public void loaded(Model model) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, model.version() + "\n");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Serving goes on; only retention loses the protection, so say so loudly.
            LOG.warn("could not write the serving lease {}: {}; retention may delete the served version's files",
                    file, e.getMessage());
        }
    }

    @Override
    public void refused(String version, Throwable error) {
        // the served version did not change
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete the serving lease {}: {}", file, e.getMessage());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
