package dev.vouch.serving.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the model being served and replaces it atomically. A reload loads the version that {@code CURRENT} names
 * beside the served one and swaps only when it loaded completely; a refused version leaves the old one serving.
 * Reloads are serialised; reads ({@link #current()}) never wait.
 */
public final class ModelStore {
    /** Told about each swap and each refused version (for metrics and logs). */
    public interface Listener {
        void loaded(Model model);

        void refused(String version, RuntimeException error);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path modelsDir;
    private final ModelLoader loader;
    private final AtomicReference<Model> current = new AtomicReference<>();
    private final ReentrantLock reloading = new ReentrantLock();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public ModelStore(Path modelsDir) {
        this(modelsDir, new ModelLoader());
    }

    public ModelStore(Path modelsDir, ModelLoader loader) {
        this.modelsDir = modelsDir.toAbsolutePath().normalize();
        this.loader = loader;
    }

    public Path modelsDir() {
        return modelsDir;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** The model being served, if one is loaded. */
    public Optional<Model> current() {
        return Optional.ofNullable(current.get());
    }

    /** The model being served; throws {@link ModelNotReadyException} before the first successful load. */
    public Model require() {
        Model model = current.get();
        if (model == null) {
            throw new ModelNotReadyException();
        }
        return model;
    }

    /**
     * Loads the version named by {@code CURRENT} unless it is already served, and swaps it in.
     * Throws {@link ModelLoadException} when CURRENT or the version is missing, partial or corrupt.
     */
    public ReloadResult reload() {
        reloading.lock();
        try {
            String version = readCurrent();
            Model served = current.get();
            if (served != null && served.version().equals(version)) {
                return new ReloadResult(version, version, false, java.time.Duration.ZERO);
            }
            Model loaded;
            try {
                loaded = loader.load(modelsDir.resolve(version));
            } catch (RuntimeException e) {
                LOG.error("refused model version {}: {}", version, e.getMessage());
                listeners.forEach(l -> l.refused(version, e));
                throw e instanceof ModelLoadException ? e : new ModelLoadException(e.getMessage(), e);
            }
            current.set(loaded);
            LOG.info("serving model version {} (loaded in {} ms, ~{} KiB)", version, loaded.loadTime().toMillis(),
                    loaded.estimatedBytes() >> 10);
            listeners.forEach(l -> l.loaded(loaded));
            return new ReloadResult(version, served == null ? null : served.version(), true, loaded.loadTime());
        } finally {
            reloading.unlock();
        }
    }

    /** The version that CURRENT names; throws {@link ModelLoadException} when it is missing or malformed. */
    public String readCurrent() {
        Path file = modelsDir.resolve(ModelLayout.CURRENT);
        String version;
        try {
            version = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!VERSION.matcher(version).matches()) {
            throw new ModelLoadException(file + " does not name a version: '" + version + "'");
        }
        return version;
    }
}
