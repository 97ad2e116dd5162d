package dev.vouch.serving.suggest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vouch.engine.RankingModel;
import dev.vouch.engine.ReviewerView;
import dev.vouch.serving.model.Model;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Caches each reviewer's {@link ReviewerView} for the model being served, so a popular reviewer's view (two dot
 * products per film) is computed once per model version, not once per request. The cache belongs to one model and is
 * bounded by {@link #BUDGET_BYTES} of views (Caffeine, size-bounded by weight: the least useful views go first).
 * {@link #prepare} fills a new model's cache before that model is served, most active reviewers first, so neither a
 * start nor a reload begins cold. Views are immutable and shared read-only.
 */
final class ReviewerViews {
    /** Heap the cached views of one model may take: 9 bytes per film per reviewer. */
    static final long BUDGET_BYTES = 128L << 20;

    private record Views(Model model, Cache<Integer, ReviewerView> cache) {
        ReviewerView get(int reviewer) {
            return cache.get(reviewer, r -> ReviewerView.of(model.ranking(), r));
        }
    }

    private final long budgetBytes;
    private final AtomicReference<Views> served = new AtomicReference<>();
    private final AtomicReference<Views> prepared = new AtomicReference<>();

    ReviewerViews() {
        this(BUDGET_BYTES);
    }

    ReviewerViews(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** R's view under {@code model}, the model being served. */
    ReviewerView of(Model model, int reviewer) {
        Views v = served.get();
        if (v == null || v.model() != model) {
            Views p = prepared.get();
            Views next = p != null && p.model() == model ? p : newViews(model);
            v = served.compareAndSet(v, next) ? next : served.get();
            prepared.compareAndSet(next, null);
            if (v.model() != model) {
                return ReviewerView.of(model.ranking(), reviewer);
            }
        }
        return v.get(reviewer);
    }

    /** R's view under a model being prepared (not served yet): from its prepared cache, else computed. */
    ReviewerView prepared(Model model, int reviewer) {
        Views p = prepared.get();
        return p != null && p.model() == model ? p.get(reviewer) : ReviewerView.of(model.ranking(), reviewer);
    }

    /**
     * Computes the views of {@code model}'s most active reviewers (by opinions) until the budget is full, before the
     * model is served; the first request for it then finds them. Returns how many views were computed.
     */
    int prepare(Model model) {
        Views v = newViews(model);
        RankingModel.OpinionArrays o = model.ranking().opinions();
        int[] start = o.start();
        int reviewers = start.length - 1;
        long perView = viewBytes(model);
        int fit = (int) Math.min(reviewers, budgetBytes / perView);
        int[] order = IntStream.range(0, reviewers).boxed()
                .sorted(Comparator.comparingInt((Integer r) -> start[r + 1] - start[r]).reversed()
                        .thenComparingInt(r -> r))
                .mapToInt(Integer::intValue).limit(fit).toArray();
        for (int r : order) {
            v.get(r);
        }
        prepared.set(v);
        return order.length;
    }

    /** Views held for the served model (for tests and metrics). */
    long cachedViews() {
        Views v = served.get();
        if (v == null) {
            return 0;
        }
        v.cache().cleanUp();
        return v.cache().estimatedSize();
    }

    private Views newViews(Model model) {
        long perView = viewBytes(model);
        Cache<Integer, ReviewerView> cache = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher((Integer r, ReviewerView view) -> (int) Math.min(Integer.MAX_VALUE, perView))
                .executor(Runnable::run)
                .build();
        return new Views(model, cache);
    }

    private static long viewBytes(Model model) {
        return 9L * Math.max(1, model.films().size());
    }
}
