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
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the model being served and replaces it atomically. A reload loads the version that {@code CURRENT} names
 * beside the served one and swaps only when it loaded completely; a refused version leaves the old one serving.
 * Reloads are serialised; reads ({@link #current()}) never wait.
 */
public final class ModelStore {
    /** Told about each swap and each refused version or failed reload (for metrics and logs). */
    public interface Listener {
        void loaded(Model model);

        /** {@code version} is null when the failure came before a version was known (the watcher itself). */
        void refused(String version, Throwable error);
    }

    /**
     * Adds work to run on each loaded model before it is swapped in (precomputation, JIT warm-up): the served model
     * keeps answering meanwhile, and a first start is not ready until it is done. A preparer that throws refuses the
     * version like a failed load.
     */
    public void addPreparer(Consumer<Model> preparer) {
        preparers.add(preparer);
    }

    /** The last failed reload, until a load succeeds: what failed, why, and when (ISO-8601 UTC). */
    public record Failure(String version, String error, String at) {}

    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path modelsDir;
    private final ModelLoader loader;
    private final AtomicReference<Model> current = new AtomicReference<>();
    private final ReentrantLock reloading = new ReentrantLock();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final List<Consumer<Model>> preparers = new CopyOnWriteArrayList<>();

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
                // a reload beside a served model reads gently, leaving the other core to the requests
                loaded = loader.load(versionDir(version), served != null);
                long prepareStart = System.nanoTime();
                for (Consumer<Model> preparer : preparers) {
                    preparer.accept(loaded);
                }
                if (!preparers.isEmpty()) {
                    LOG.info("prepared model version {} in {} ms", version,
                            (System.nanoTime() - prepareStart) / 1_000_000);
                }
            } catch (OutOfMemoryError e) {
                // The new version is loaded beside the served one; when the heap cannot hold both, refuse the new
                // one and keep serving (what it had allocated is garbage now). docs: README "Operating Vouch".
                failed(version, e);
                throw new ModelLoadException("not enough heap to load " + version + " beside the served model "
                        + "(raise -Xmx): " + e.getMessage(), e);
            } catch (RuntimeException | StackOverflowError e) {
                failed(version, e);
                throw e instanceof ModelLoadException mle ? mle : new ModelLoadException(String.valueOf(e.getMessage()), e);
            }
            current.set(loaded);
            lastFailure.set(null);
            LOG.info("serving model version {} (loaded in {} ms, ~{} KiB)", version, loaded.loadTime().toMillis(),
                    loaded.estimatedBytes() >> 10);
            listeners.forEach(l -> l.loaded(loaded));
            return new ReloadResult(version, served == null ? null : served.version(), true, loaded.loadTime());
        } finally {
            reloading.unlock();
        }
    }

    /** The last failed reload since the last successful one, if any (shown by /ready). */
    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** Records a failure outside a version load (the watcher's own poll) so that /ready and /metrics show it. */
    public void reportFailure(Throwable error) {
        failed(null, error);
    }

    private void failed(String version, Throwable error) {
        LOG.error("refused model version {}: {}", version == null ? "(watcher poll)" : version, String.valueOf(error));
        lastFailure.set(new Failure(version, String.valueOf(error.getMessage() == null ? error : error.getMessage()),
                java.time.Instant.now().toString()));
        listeners.forEach(l -> l.refused(version, error));
    }

    /**
     * The folder of a version. A version folder (or a link to one) that resolves outside the models folder is
     * refused: whoever can write a link into the models folder must not be able to serve files from elsewhere.
     */
    Path versionDir(String version) {
        Path dir = modelsDir.resolve(version);
        if (!Files.exists(dir)) {
            return dir;
        }
        try {
            if (!dir.toRealPath().startsWith(modelsDir.toRealPath())) {
                throw new ModelLoadException("version folder " + dir + " resolves outside the models folder "
                        + modelsDir + " (to " + dir.toRealPath() + ")");
            }
        } catch (IOException e) {
            throw new ModelLoadException("cannot resolve " + dir + ": " + e.getMessage(), e);
        }
        return dir;
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
