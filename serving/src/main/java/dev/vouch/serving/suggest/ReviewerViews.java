package dev.vouch.serving.suggest;

import dev.vouch.engine.ReviewerView;
import dev.vouch.serving.model.Model;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Caches each reviewer's {@link ReviewerView} for the model being served, so a popular reviewer's view (two dot
 * products per film) is computed once per model version, not once per request. The cache belongs to one model: a
 * swap starts a new one. It holds at most {@link #BUDGET_BYTES} worth of views; past that, views are computed per
 * request. Views are immutable and shared read-only; nothing here locks.
 */
final class ReviewerViews {
    /** Heap the cached views may take: 9 bytes per film per reviewer. */
    static final long BUDGET_BYTES = 128L << 20;

    private record Cache(Model model, ConcurrentHashMap<Integer, ReviewerView> views, int capacity) {
    }

    private final AtomicReference<Cache> cache = new AtomicReference<>();

    /** R's view under {@code model}. */
    ReviewerView of(Model model, int reviewer) {
        Cache c = cache.get();
        if (c == null || c.model() != model) {
            int capacity = (int) Math.min(Integer.MAX_VALUE, BUDGET_BYTES / (9L * Math.max(1, model.films().size())));
            Cache fresh = new Cache(model, new ConcurrentHashMap<>(), capacity);
            c = cache.compareAndSet(c, fresh) ? fresh : cache.get();
            if (c.model() != model) {
                return ReviewerView.of(model.ranking(), reviewer);
            }
        }
        ReviewerView view = c.views().get(reviewer);
        if (view == null) {
            view = ReviewerView.of(model.ranking(), reviewer);
            if (c.views().size() < c.capacity()) {
                ReviewerView raced = c.views().putIfAbsent(reviewer, view);
                view = raced == null ? view : raced;
            }
        }
        return view;
    }
}
