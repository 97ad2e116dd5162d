package dev.vouch.serving.suggest;

import dev.vouch.engine.IntSet;
import dev.vouch.engine.Ranker;
import dev.vouch.engine.ReviewerView;
import dev.vouch.engine.TopList;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/** The {@link Recommender} over the model that a {@link ModelStore} serves; stateless and thread-safe. */
public final class ModelRecommender implements Recommender {
    /** Films the reader rated at least this high (score_norm) lend their top tags to the tag-match fallback. */
    static final double LIKED = 0.7;
    /** Tags taken from each liked film. */
    static final int TAGS_PER_LIKED_FILM = 2;

    /**
     * {@code -Dvouch.serve.top-lists=false} ranks every request densely from the cached views (the same answers):
     * for the benchmark that compares the two ways of serving, nothing else.
     */
    static final boolean TOP_LISTS = Boolean.parseBoolean(System.getProperty("vouch.serve.top-lists", "true"));

    /** Warm-up requests on a reload, when the JIT is warm already. */
    static final int RELOAD_REQUESTS = 100;

    /**
     * Trust-set merges on a catalogue above {@link Ranker#EXACT_FILMS} that may run at once: one per core. Each scores
     * thousands of films (≈ 1.5 ms of CPU on a million films); sixteen of them time-sliced on two cores made every one
     * wait through the others' slices (p99 3.4× p50), while queued in turn each runs to its end uninterrupted.
     */
    private final Semaphore largeMerges = new Semaphore(Integer.getInteger("vouch.serve.large-merges",
            Runtime.getRuntime().availableProcessors()), true);
    private final ModelStore store;
    private final ReviewerViews views = new ReviewerViews();

    public ModelRecommender(ModelStore store) {
        this.store = store;
    }

    @Override
    public SuggestionList forReviewer(ReviewerQuery query) {
        Model model = store.require();
        return forReviewer(model, query, viewsOf(model), listsOf(model));
    }

    private SuggestionList forReviewer(Model model, ReviewerQuery query, IntFunction<ReviewerView> viewOf,
                                       IntFunction<TopList> listOf) {
        int reviewer = model.reviewer(query.reviewerId());
        IntPredicate accept = query.filter().compile(model);
        Explainer explainer = new Explainer(model);
        String aspect = query.aspect();
        List<Suggestion> items;
        if (aspect != null) {
            checkAspect(model, aspect);
            items = AspectBlend.pick(model, new int[] {reviewer}, new double[] {1}, aspect, query.limit(), accept,
                    explainer);
        } else {
            Ranker.Ranking ranking = Ranker.rank(model.ranking(), viewOf, listOf,
                    Ranker.Request.trusting(reviewer, query.limit()), accept);
            items = explain(model, ranking, new int[] {reviewer}, explainer);
        }
        return new SuggestionList(model.version(), model.reviewers().id(reviewer), aspect, List.of("trusted"), items);
    }

    @Override
    public SuggestionList forTrustSet(TrustSet set) {
        Model model = store.require();
        return forTrustSet(model, set, viewsOf(model), listsOf(model));
    }

    private SuggestionList forTrustSet(Model model, TrustSet set, IntFunction<ReviewerView> viewOf,
                                       IntFunction<TopList> listOf) {
        int[] reviewers = set.trusted().stream().mapToInt(t -> model.reviewer(t.reviewer())).toArray();
        double[] weights = set.trusted().stream().mapToDouble(TrustSet.Trusted::weight).toArray();
        ReaderRatings rated = ReaderRatings.of(model, set.ratings());
        String aspect = set.aspect();
        if (aspect != null) {
            checkAspect(model, aspect);
        }
        Set<String> exclude = new HashSet<>(set.seen());
        set.ratings().forEach(r -> exclude.add(r.film()));
        Picks picks = new Picks(model, set.filter().excludingAlso(exclude).compile(model), set.limit());
        Explainer explainer = new Explainer(model);
        if (aspect != null && reviewers.length > 0) {
            // On one aspect the list is the trusted reviewers' sub-scores; the reader's fold-in stays out of it.
            picks.add(AspectBlend.pick(model, reviewers, weights, aspect, set.limit(), picks::accepts, explainer));
        } else if (aspect == null && (reviewers.length > 0 || rated.films().length > 0)) {
            int[] seen = set.seen().stream().mapToInt(id -> model.films().indexOf(id)).filter(f -> f >= 0).toArray();
            Ranker.Request request = new Ranker.Request(reviewers, weights, rated.films(), rated.norms(), seen,
                    set.limit());
            boolean large = reviewers.length > 1 && model.ranking().filmCount() > Ranker.EXACT_FILMS;
            if (large) {
                largeMerges.acquireUninterruptibly();
            }
            Ranker.Ranking ranking;
            try {
                ranking = Ranker.rank(model.ranking(), viewOf, listOf, request, picks::accepts);
            } finally {
                if (large) {
                    largeMerges.release();
                }
            }
            picks.add(explain(model, ranking, reviewers, explainer));
        }
        Fallbacks fallbacks = new Fallbacks(model, explainer);
        if (picks.missing() > 0) {
            picks.add(fallbacks.tagMatch(readerTags(model, set, rated), picks.missing(), picks::accepts));
        }
        if (picks.missing() > 0) {
            picks.add(fallbacks.popular(picks.missing(), picks::accepts));
        }
        return new SuggestionList(model.version(), null, aspect, sources(picks.items), picks.items);
    }

    /** The reader's own scores as film indices and normalised scores, each checked against its film's scale. */
    private record ReaderRatings(int[] films, double[] norms) {
        static ReaderRatings of(Model model, List<TrustSet.Rating> ratings) {
            int[] films = new int[ratings.size()];
            double[] norms = new double[films.length];
            for (int i = 0; i < films.length; i++) {
                TrustSet.Rating r = ratings.get(i);
                films[i] = model.film(r.film());
                double max = model.films().scaleMax(films[i]);
                if (r.score() < 0 || r.score() > max) {
                    throw new InvalidQueryException("ratings[" + i + "].score", "score for " + r.film()
                            + " must be between 0 and " + Explainer.num(max) + ", was " + r.score());
                }
                norms[i] = r.score() / max;
            }
            return new ReaderRatings(films, norms);
        }
    }

    /** The list being filled, source after source: each film once, only films the filters accept. */
    private static final class Picks {
        private final Model model;
        private final IntPredicate filter;
        private final int limit;
        private final IntSet chosen;
        private final List<Suggestion> items = new ArrayList<>();

        Picks(Model model, IntPredicate filter, int limit) {
            this.model = model;
            this.filter = filter;
            this.limit = limit;
            this.chosen = new IntSet(limit);
        }

        boolean accepts(int film) {
            return !chosen.contains(film) && filter.test(film);
        }

        int missing() {
            return limit - items.size();
        }

        void add(List<Suggestion> more) {
            for (Suggestion s : more) {
                int f = model.films().indexOf(s.id());
                if (f >= 0) {
                    chosen.add(f);
                }
                items.add(s);
            }
        }
    }

    /** Cached views while {@code model} is the one served; a request still on a replaced model computes its own. */
    private IntFunction<ReviewerView> viewsOf(Model model) {
        return r -> store.current().orElse(null) == model ? views.of(model, r) : ReviewerView.of(model.ranking(), r);
    }

    /** Cached lists while {@code model} is the one served; null (rank densely) for a request on a replaced model. */
    private IntFunction<TopList> listsOf(Model model) {
        return TOP_LISTS && store.current().orElse(null) == model ? r -> views.listOf(model, r) : null;
    }

    /**
     * Readies a loaded model before it is served (a {@link ModelStore} preparer): computes the views of its most
     * active reviewers into the bounded cache, then answers {@code requests} typical requests on it (plain, filtered,
     * and trust sets of several reviewers, with and without the reader's ratings) so that the ranking, the filters
     * and the explanations are compiled by the JIT before the first real request; it stops early once
     * {@code budget} has passed. Returns the views computed.
     */
    public int prepare(Model model, int requests, java.time.Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int computed = views.prepare(model, store.current().isPresent());
        IntFunction<ReviewerView> viewOf = r -> views.prepared(model, r);
        IntFunction<TopList> listOf = r -> views.preparedList(model, r);
        int reviewers = model.reviewers().size();
        int films = model.films().size();
        if (reviewers == 0 || films == 0) {
            return computed;
        }
        FilmFilter recent = new FilmFilter(Set.of(), null, 1990, null, null);
        // On a reload the code is compiled already: a few requests touch the new model, and the CPU stays with
        // the requests the served model is answering meanwhile.
        int n = store.current().isPresent() ? Math.min(requests, RELOAD_REQUESTS) : requests;
        for (int i = 0; i < n && System.nanoTime() < deadline; i++) {
            String a = model.reviewers().id(i % reviewers);
            String b = model.reviewers().id((i * 7 + 3) % reviewers);
            switch (i % 4) {
                case 0 -> forReviewer(model, new ReviewerQuery(a, 10, FilmFilter.NONE, null), viewOf, listOf);
                case 1 -> forReviewer(model, new ReviewerQuery(a, 20, recent, null), viewOf, listOf);
                case 2 -> forTrustSet(model, new TrustSet(List.of(new TrustSet.Trusted(a, 2), new TrustSet.Trusted(b, 1)),
                        Set.of(), List.of(), List.of(), 10, FilmFilter.NONE), viewOf, listOf);
                default -> forTrustSet(model, new TrustSet(List.of(new TrustSet.Trusted(a, 1)), Set.of(),
                        List.of(new TrustSet.Rating(model.films().id(i % films), model.films().scaleMax(i % films))),
                        List.of(), 10, FilmFilter.NONE), viewOf, listOf);
            }
        }
        return computed;
    }

    /** Each ranked film with the explanation of the source that contributed most to it. */
    private static List<Suggestion> explain(Model model, Ranker.Ranking ranking, int[] reviewers,
                                            Explainer explainer) {
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < ranking.films().length; i++) {
            int f = ranking.films()[i];
            int s = ranking.source()[i];
            Explanation e = s < 0
                    ? explainer.personal(f, ranking.reader().predictedNorm(model.ranking(), f),
                            ranking.reader().ratings(), ranking.kind()[i] == ReviewerView.WATCHED)
                    : explainer.reviewer(reviewers[s], f, ranking.kind()[i]);
            out.add(Suggestions.of(model, f, e, ranking.scores()[i]));
        }
        return out;
    }

    private static void checkAspect(Model model, String aspect) {
        if (!model.aspectNames().contains(aspect)) {
            throw new InvalidQueryException("aspect", "unknown aspect '" + aspect + "'; known aspects: "
                    + new TreeSet<>(model.aspectNames()));
        }
    }

    /** The reader's tags, the tag filter, and the top tags of films the reader liked. */
    private static List<String> readerTags(Model model, TrustSet set, ReaderRatings rated) {
        Set<String> tags = new LinkedHashSet<>(set.tags());
        if (set.filter().tag() != null) {
            tags.add(set.filter().tag());
        }
        for (int i = 0; i < rated.films().length; i++) {
            int film = rated.films()[i];
            if (rated.norms()[i] >= LIKED) {
                int end = Math.min(model.filmTags().end(film), model.filmTags().start(film) + TAGS_PER_LIKED_FILM);
                for (int p = model.filmTags().start(film); p < end; p++) {
                    tags.add(model.filmTags().tag(p));
                }
            }
        }
        return List.copyOf(tags);
    }

    private static List<String> sources(List<Suggestion> items) {
        Set<String> sources = new LinkedHashSet<>();
        for (Suggestion s : items) {
            sources.add(switch (s.kind()) {
                case "reviewed", "predicted" -> "trusted";
                default -> s.kind();
            });
        }
        return List.copyOf(sources);
    }
}
