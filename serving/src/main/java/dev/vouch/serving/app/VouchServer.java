package dev.vouch.serving.app;

import dev.vouch.serving.model.CurrentWatcher;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelLoadException;
import dev.vouch.serving.model.ModelStore;
import dev.vouch.serving.model.ServingLease;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Vouch service: loads the model CURRENT names (a failure is logged and the service starts not ready),
 * starts HTTP, and watches CURRENT. For tests: {@code VouchServer.start(ServerConfig.of(dir).withPort(0))}, then
 * {@link #url()}; close it when done.
 */
public final class VouchServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VouchServer.class);

    private final ServerConfig config;
    private final ModelStore store;
    private final VouchApp app;
    private final CurrentWatcher watcher;
    private final ServingLease lease;

    private VouchServer(ServerConfig config, ModelStore store, VouchApp app, CurrentWatcher watcher,
                        ServingLease lease) {
        this.config = config;
        this.store = store;
        this.app = app;
        this.watcher = watcher;
        this.lease = lease;
    }

    /** Loads, starts and returns the server, with no HTTP warm-up; the port is bound when this returns. */
    public static VouchServer start(ServerConfig config) {
        return start(config, Duration.ZERO);
    }

    /**
     * Loads, starts and returns the server; the port is bound when this returns. With a model loaded, the server
     * first sends itself typical requests for {@code httpWarmup} ({@link HttpWarmup}) while {@code /ready} still
     * answers 503, so the first real requests do not meet a cold JIT.
     */
    public static VouchServer start(ServerConfig config, Duration httpWarmup) {
        ModelStore store = new ModelStore(config.modelsDir());
        ServingLease lease = new ServingLease(store.modelsDir());
        store.addListener(lease);
        VouchApp app = VouchApp.create(store, config);
        try {
            store.reload();
        } catch (ModelLoadException e) {
            LOG.error("no model loaded at start; /ready stays false until CURRENT names a good version: {}",
                    e.getMessage());
        }
        app.warmingUp(true);
        app.javalin().start(config.host(), config.port());
        try {
            store.current().ifPresent(model -> {
                long t0 = System.nanoTime();
                String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
                long n = HttpWarmup.run("http://" + host + ":" + app.javalin().port(), model, httpWarmup);
                if (n > 0) {
                    LOG.info("warmed up with {} requests in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
                }
            });
        } finally {
            app.warmingUp(false);
        }
        CurrentWatcher watcher = config.watchInterval().equals(Duration.ZERO) ? null
                : new CurrentWatcher(store, config.watchInterval());
        return new VouchServer(config, store, app, watcher, lease);
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return app.javalin().port();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    public ModelStore store() {
        return store;
    }

    /** The served version, or null before the first successful load. */
    public String modelVersion() {
        return store.current().map(Model::version).orElse(null);
    }

    public VouchApp app() {
        return app;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        app.javalin().stop();
        lease.close();
    }
}
