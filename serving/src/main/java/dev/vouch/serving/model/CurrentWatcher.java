package dev.vouch.serving.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code CURRENT} and reloads the store when its content or modification time changes. Polling (rather
 * than a WatchService) also sees CURRENT replaced by an atomic rename on every file system. A refused version is
 * not retried until CURRENT changes again. A poll never ends the watcher: whatever it throws, even an
 * {@code Error}, is logged and recorded in the store (shown by {@code /ready} and {@code /metrics}), and the next poll
 * runs as scheduled — an uncaught throwable would silently cancel every later poll.
 */
public final class CurrentWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CurrentWatcher.class);

    private final ModelStore store;
    private final Path currentFile;
    private final ScheduledExecutorService executor;
    private String lastSeen;

    /** Starts polling every {@code interval}; the first poll is one interval from now. */
    public CurrentWatcher(ModelStore store, Duration interval) {
        this.store = store;
        this.currentFile = store.modelsDir().resolve(ModelLayout.CURRENT);
        this.lastSeen = stamp();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vouch-current-watcher");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(10, interval.toMillis());
        executor.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            String now = stamp();
            if (Objects.equals(now, lastSeen)) {
                return;
            }
            lastSeen = now;
            ReloadResult result = store.reload();
            if (result.changed()) {
                LOG.info("CURRENT changed: now serving {}", result.version());
            }
        } catch (ModelLoadException e) {
            LOG.warn("CURRENT changed but the new version was refused; still serving {}: {}",
                    store.current().map(Model::version).orElse("nothing"), e.getMessage());
        } catch (Throwable e) {
            LOG.error("CURRENT watcher poll failed; still serving {}, polling again in the next interval",
                    store.current().map(Model::version).orElse("nothing"), e);
            store.reportFailure(e);
        }
    }

    private String stamp() {
        try {
            return Files.getLastModifiedTime(currentFile).toMillis() + ":" + Files.readString(currentFile).trim();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
