package dev.vouch.jobs.evaluate;

import dev.vouch.engine.CriticMatcher;
import dev.vouch.engine.RankParams;
import dev.vouch.engine.Ranker;
import dev.vouch.engine.RankingModel;
import dev.vouch.engine.ReaderProfile;
import dev.vouch.engine.ReviewerView;
import dev.vouch.jobs.train.RankingModels;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fold's model as serving would load it ({@link RankingModels}), asked the way a site asks: every list here comes
 * from {@link Ranker#rank}, the code behind {@code POST /api/suggestions} and {@code GET
 * /api/reviewers/{id}/suggestions}. Inputs and outputs are in the evaluation's own indices ({@link RatingTable});
 * the translation to the model's indices goes through ids, never positions.
 */
final class ServedModel {
    static final long VIEW_BUDGET_BYTES = 256L << 20;

    private final RankingModels.Indexed indexed;
    private final int[] reviewerToModel;
    private final int[] filmToModel;
    private final int[] modelToFilm;
    private final int[] modelToReviewer;
    private final Map<Integer, ReviewerView> views = new ConcurrentHashMap<>();

    ServedModel(RankingModels.Indexed indexed, String[] reviewerIds, String[] filmIds) {
        this.indexed = indexed;
        this.reviewerToModel = Arrays.stream(reviewerIds).mapToInt(indexed::reviewer).toArray();
        this.filmToModel = Arrays.stream(filmIds).mapToInt(indexed::film).toArray();
        this.modelToReviewer = new int[indexed.reviewerIds().length];
        Arrays.fill(modelToReviewer, -1);
        for (int r = 0; r < reviewerToModel.length; r++) {
            if (reviewerToModel[r] >= 0) {
                modelToReviewer[reviewerToModel[r]] = r;
            }
        }
        this.modelToFilm = new int[indexed.filmIds().length];
        Arrays.fill(modelToFilm, -1);
        for (int f = 0; f < filmToModel.length; f++) {
            if (filmToModel[f] >= 0) {
                modelToFilm[filmToModel[f]] = f;
            }
        }
    }

    /** The same model ranked with other blend weights (a tuning candidate). */
    ServedModel withParams(RankParams params, String[] reviewerIds, String[] filmIds) {
        RankingModel m = indexed.model();
        RankingModel other = new RankingModel(m.globalMean(), params, m.reviewers(), m.films(), m.opinions());
        return new ServedModel(new RankingModels.Indexed(other, indexed.reviewerIds(), indexed.filmIds(),
                indexed.reviewerIndex(), indexed.filmIndex()), reviewerIds, filmIds);
    }

    RankingModel model() {
        return indexed.model();
    }

    RankingModels.Indexed indexed() {
        return indexed;
    }

    /**
     * The list for a request in evaluation indices: trusted reviewers (weight 1 each), the reader's ratings (films and
     * score_norm values) and seen films. Unknown reviewers are left out of the trust set, as a site could not send them.
     */
    int[] suggest(int[] trusted, int[] ratedFilms, double[] ratedNorms, int[] seen, int k) {
        Ranker.Ranking ranking = Ranker.rank(indexed.model(), this::view, request(trusted, ratedFilms, ratedNorms,
                seen, k), f -> true);
        return Arrays.stream(ranking.films()).map(f -> modelToFilm[f]).filter(f -> f >= 0).toArray();
    }

    /** The list for trusted reviewers with these weights (&gt; 0) and seen films, as {@link #suggest}. */
    int[] suggestWeighted(int[] trusted, double[] weights, int[] seen, int k) {
        int[] keep = java.util.stream.IntStream.range(0, trusted.length).filter(i -> reviewerToModel[trusted[i]] >= 0)
                .toArray();
        int[] t = Arrays.stream(keep).map(i -> reviewerToModel[trusted[i]]).toArray();
        double[] w = Arrays.stream(keep).mapToDouble(i -> weights[i]).toArray();
        int[] s = Arrays.stream(seen).map(f -> filmToModel[f]).filter(f -> f >= 0).toArray();
        Ranker.Ranking ranking = Ranker.rank(indexed.model(), this::view,
                new Ranker.Request(t, w, new int[0], new double[0], s, k), f -> true);
        return Arrays.stream(ranking.films()).map(f -> modelToFilm[f]).filter(f -> f >= 0).toArray();
    }

    /**
     * The reviewers that best match a reader's ratings, as {@code POST /api/critics/match} ranks them
     * ({@link CriticMatcher} on the reader's {@link ReaderProfile.Habits}), in evaluation indices; {@code self} (an
     * evaluation index, or -1) is never returned. Ratings a site could not send are left out, as in {@link #request}.
     */
    List<CriticMatcher.Match> critics(int self, int[] ratedFilms, double[] ratedNorms, int limit) {
        int[] keep = Arrays.stream(capped(ratedFilms)).filter(i -> filmToModel[ratedFilms[i]] >= 0).toArray();
        if (keep.length == 0) {
            return List.of();
        }
        int[] films = Arrays.stream(keep).map(i -> filmToModel[ratedFilms[i]]).toArray();
        double[] norms = Arrays.stream(keep).mapToDouble(i -> ratedNorms[i]).toArray();
        ReaderProfile.Habits habits = ReaderProfile.habits(indexed.model(), films, norms);
        double[] z = Arrays.stream(norms).map(habits::z).toArray();
        int exclude = self < 0 ? -1 : reviewerToModel[self];
        return CriticMatcher.match(indexed.model(), films, z, 1, limit, exclude).stream()
                .filter(m -> modelToReviewer[m.reviewer()] >= 0)
                .map(m -> new CriticMatcher.Match(modelToReviewer[m.reviewer()], m.agreement(), m.coRated(),
                        m.match())).toList();
    }

    /** The request {@link #suggest} sends, in the model's indices. */
    Ranker.Request request(int[] trusted, int[] ratedFilms, double[] ratedNorms, int[] seen, int k) {
        int[] t = Arrays.stream(trusted).map(r -> reviewerToModel[r]).filter(r -> r >= 0).toArray();
        double[] w = new double[t.length];
        Arrays.fill(w, 1.0);
        // A film the model does not know cannot be sent (the API answers 404): a site leaves it out.
        int[] keep = Arrays.stream(capped(ratedFilms)).filter(i -> filmToModel[ratedFilms[i]] >= 0).toArray();
        int[] rated = Arrays.stream(keep).map(i -> filmToModel[ratedFilms[i]]).toArray();
        double[] norms = Arrays.stream(keep).mapToDouble(i -> ratedNorms[i]).toArray();
        int[] s = Arrays.stream(seen).map(f -> filmToModel[f]).filter(f -> f >= 0).toArray();
        return new Ranker.Request(t, w, rated, norms, s, k);
    }

    /**
     * Positions of the ratings a site could send: all, or a fixed pseudo-random {@link Ranker.Request#MAX_RATINGS}
     * of them (the API refuses more), in their original order.
     */
    static int[] capped(int[] films) {
        int[] all = java.util.stream.IntStream.range(0, films.length).toArray();
        if (films.length <= Ranker.Request.MAX_RATINGS) {
            return all;
        }
        return Arrays.stream(all).boxed()
                .sorted((a, b) -> Long.compare(FoldEvaluator.mix(films[a], 17), FoldEvaluator.mix(films[b], 17)))
                .limit(Ranker.Request.MAX_RATINGS).mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The known reviewer's predicted score_norm (explicit model; biases only without factors). */
    double predict(int reviewer, int film) {
        int r = reviewerToModel[reviewer];
        int f = filmToModel[film];
        return r < 0 || f < 0 ? Double.NaN : indexed.model().predict(r, f);
    }

    double predictBiases(int reviewer, int film) {
        int r = reviewerToModel[reviewer];
        int f = filmToModel[film];
        return r < 0 || f < 0 ? Double.NaN : indexed.model().predictBiases(r, f);
    }

    /** Implicit score x_r·y_f (the peer's ranking), NaN when either side has no implicit factors. */
    double implicitScore(int reviewer, int film) {
        int r = reviewerToModel[reviewer];
        int f = filmToModel[film];
        RankingModel m = indexed.model();
        if (r < 0 || f < 0 || !m.reviewers().implicit().has(r) || !m.films().implicit().has(f)) {
            return Double.NaN;
        }
        return m.films().implicit().dot(f, m.reviewers().implicit(), r);
    }

    /** The explicit model's enthusiasm z of a reviewer for a film (real score or prediction), NaN when unknown. */
    float z(int reviewer, int film) {
        int r = reviewerToModel[reviewer];
        int f = filmToModel[film];
        return r < 0 || f < 0 ? Float.NaN : view(r).z(f);
    }

    /** Views are cached up to {@link #VIEW_BUDGET_BYTES}: trustees recur across trusters, but memory is bounded. */
    private ReviewerView view(int modelReviewer) {
        ReviewerView v = views.get(modelReviewer);
        if (v == null) {
            v = ReviewerView.of(indexed.model(), modelReviewer);
            if ((views.size() + 1L) * v.bytes() < VIEW_BUDGET_BYTES) {
                views.putIfAbsent(modelReviewer, v);
            }
        }
        return v;
    }
}
