package dev.vouch.serving.app;

import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Model gauges: whether a model is loaded, its version (an info gauge with one series, the served version's), its
 * load time, when it was loaded and its estimated heap; whether the last reload failed; plus reload counts by result
 * ({@code loaded}, {@code refused} for a bad version, {@code error} for an Error or a failed watcher poll).
 */
final class ModelMetrics implements ModelStore.Listener {
    private final ModelStore store;
    private final MeterRegistry registry;
    private final Counter loaded;
    private final Counter refused;
    private final Counter error;
    private Gauge info;

    ModelMetrics(ModelStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
        Gauge.builder("vouch.model.loaded", store, s -> s.current().isPresent() ? 1 : 0)
                .description("1 once a model is loaded").register(registry);
        Gauge.builder("vouch.model.load.seconds", store, s -> s.current().map(m -> m.loadTime().toNanos() / 1e9)
                .orElse(Double.NaN)).description("time taken to load the served model").register(registry);
        Gauge.builder("vouch.model.loaded.timestamp.seconds", store, s -> s.current()
                .map(m -> m.loadedAt().toEpochMilli() / 1e3).orElse(Double.NaN)).register(registry);
        Gauge.builder("vouch.model.estimated.bytes", store, s -> s.current().map(Model::estimatedBytes)
                .orElse(0L)).description("estimated heap of the served model's structures").register(registry);
        loaded = Counter.builder("vouch.model.reloads").tag("result", "loaded").register(registry);
        refused = Counter.builder("vouch.model.reloads").tag("result", "refused").register(registry);
        error = Counter.builder("vouch.model.reloads").tag("result", "error").register(registry);
        Gauge.builder("vouch.model.last.reload.failed", store, s -> s.lastFailure().isPresent() ? 1 : 0)
                .description("1 while the last reload (or watcher poll) failed; /ready shows why").register(registry);
    }

    /** Called under the store's reload lock, so swaps of the info series never interleave. */
    @Override
    public void loaded(Model model) {
        if (info != null) {
            registry.remove(info); // one series: a scrape must not see every version ever loaded
        }
        info = Gauge.builder("vouch.model.info", () -> 1).tag("version", model.version()).strongReference(true)
                .description("1 for the model version being served").register(registry);
        loaded.increment();
    }

    @Override
    public void refused(String version, Throwable e) {
        (e instanceof RuntimeException ? refused : error).increment();
    }
}
