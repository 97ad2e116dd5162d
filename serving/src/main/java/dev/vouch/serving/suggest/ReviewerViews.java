package dev.vouch.serving.suggest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vouch.engine.RankingModel;
import dev.vouch.engine.ReviewerView;
import dev.vouch.engine.TopList;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelLoader;
import dev.vouch.serving.model.Pace;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Caches, for the model being served, each reviewer's {@link TopList} (their best {@value TopList#SIZE} films alone,
 * a few kilobytes: what "I trust R" and trust sets are answered from) and {@link ReviewerView} (two dot products per
 * film, 9 bytes per film: what the dense ranking needs when a reader's ratings are folded in or a list runs out). Each
 * is computed once per model version, not once per request. Both caches belong to one model and are bounded by weight
 * (Caffeine: the least useful entries go first): {@link #BUDGET_BYTES} of views, {@link #LIST_BUDGET_BYTES} of lists.
 * {@link #prepare} fills a new model's caches before that model is served, most active reviewers first, so neither a
 * start nor a reload begins cold. A list published with the model ({@code reviewer_lists}) is served as published and
 * never cached twice. Views and lists are immutable and shared read-only.
 */
final class ReviewerViews {
    /** Heap the cached views of one model may take: 9 bytes per film per reviewer. */
    static final long BUDGET_BYTES = 128L << 20;
    /** Heap the cached lists of one model may take: up to 8 bytes per listed film per reviewer. */
    static final long LIST_BUDGET_BYTES = 256L << 20;
    /** Time {@link #prepare} may spend on lists beyond the views that fit (large catalogues: lists come on demand). */
    static final java.time.Duration LIST_PREPARE_BUDGET = java.time.Duration.ofSeconds(10);

    private record Views(Model model, Cache<Integer, ReviewerView> cache, Cache<Integer, TopList> lists) {
        ReviewerView get(int reviewer) {
            return cache.get(reviewer, r -> ReviewerView.of(model.ranking(), r));
        }

        TopList list(int reviewer) {
            TopList published = model.lists().of(reviewer);
            return published != null ? published : lists.get(reviewer, r -> TopList.of(model.ranking(), get(r)));
        }
    }

    private final long budgetBytes;
    private final long listBudgetBytes;
    private final AtomicReference<Views> served = new AtomicReference<>();
    private final AtomicReference<Views> prepared = new AtomicReference<>();

    ReviewerViews() {
        this(BUDGET_BYTES);
    }

    ReviewerViews(long budgetBytes) {
        this(budgetBytes, LIST_BUDGET_BYTES);
    }

    ReviewerViews(long budgetBytes, long listBudgetBytes) {
        this.budgetBytes = budgetBytes;
        this.listBudgetBytes = listBudgetBytes;
    }

    /** R's view under {@code model}, the model being served. */
    ReviewerView of(Model model, int reviewer) {
        Views v = served(model);
        return v != null ? v.get(reviewer) : ReviewerView.of(model.ranking(), reviewer);
    }

    /** R's list under {@code model}, the model being served; null when {@code model} was replaced meanwhile. */
    TopList listOf(Model model, int reviewer) {
        Views v = served(model);
        return v != null ? v.list(reviewer) : null;
    }

    /** The caches of {@code model} as the one served (the prepared ones on its first request); null if replaced. */
    private Views served(Model model) {
        Views v = served.get();
        if (v == null || v.model() != model) {
            Views p = prepared.get();
            Views next = p != null && p.model() == model ? p : newViews(model);
            v = served.compareAndSet(v, next) ? next : served.get();
            prepared.compareAndSet(next, null);
            if (v.model() != model) {
                return null;
            }
        }
        return v;
    }

    /** R's view under a model being prepared (not served yet): from its prepared cache, else computed. */
    ReviewerView prepared(Model model, int reviewer) {
        Views p = prepared.get();
        return p != null && p.model() == model ? p.get(reviewer) : ReviewerView.of(model.ranking(), reviewer);
    }

    /** R's list under a model being prepared; null when it is not the one being prepared. */
    TopList preparedList(Model model, int reviewer) {
        Views p = prepared.get();
        return p != null && p.model() == model ? p.list(reviewer) : null;
    }

    /**
     * Computes the views and lists of {@code model}'s most active reviewers (by opinions) until the view budget is
     * full, then lists alone for the rest while {@link #LIST_PREPARE_BUDGET} lasts, before the model is served; the
     * first request for it then finds them. Lists published with the model are used as they are. On a reload
     * ({@code reload}: another model is being served) the work is paced to {@link ModelLoader#RELOAD_CPU_SHARE} of a
     * core, so that it takes a few seconds longer but leaves the cores to the requests the served model answers
     * meanwhile; the new model then starts with its views, as a first start does. Returns how many views and lists
     * were computed.
     */
    int prepare(Model model, boolean reload) {
        Pace pace = reload ? Pace.of(ModelLoader.RELOAD_CPU_SHARE) : Pace.FULL;
        Views v = newViews(model);
        RankingModel.OpinionArrays o = model.ranking().opinions();
        int[] start = o.start();
        int reviewers = start.length - 1;
        long perView = viewBytes(model);
        int fit = (int) Math.min(reviewers, budgetBytes / perView);
        int[] order = IntStream.range(0, reviewers).boxed()
                .sorted(Comparator.comparingInt((Integer r) -> start[r + 1] - start[r]).reversed()
                        .thenComparingInt(r -> r))
                .mapToInt(Integer::intValue).toArray();
        long deadline = System.nanoTime() + LIST_PREPARE_BUDGET.toNanos();
        int listed = 0;
        for (int r : order) {
            if (listed >= fit && System.nanoTime() > deadline) {
                break;
            }
            if (listed < fit) {
                v.get(r);
                v.list(r);
            } else if (model.lists().of(r) != null) {
                continue; // published with the model, nothing to compute
            } else {
                // beyond the views that fit: the list only, its view dropped at once
                v.lists().put(r, TopList.of(model.ranking(), ReviewerView.of(model.ranking(), r)));
            }
            listed++;
            pace.breathe();
        }
        prepared.set(v);
        return listed;
    }

    /** Lists held for the served model (for tests and metrics). */
    long cachedLists() {
        Views v = served.get();
        return v == null ? 0 : size(v.lists());
    }

    /** Views held for the served model (for tests and metrics). */
    long cachedViews() {
        Views v = served.get();
        return v == null ? 0 : size(v.cache());
    }

    private static long size(Cache<?, ?> cache) {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Views newViews(Model model) {
        long perView = viewBytes(model);
        Cache<Integer, ReviewerView> cache = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher((Integer r, ReviewerView view) -> (int) Math.min(Integer.MAX_VALUE, perView))
                .executor(Runnable::run)
                .build();
        Cache<Integer, TopList> lists = Caffeine.newBuilder()
                .maximumWeight(listBudgetBytes)
                .weigher((Integer r, TopList list) -> (int) Math.min(Integer.MAX_VALUE, list.bytes()))
                .executor(Runnable::run)
                .build();
        return new Views(model, cache, lists);
    }

    private static long viewBytes(Model model) {
        return 9L * Math.max(1, model.films().size());
    }
}
