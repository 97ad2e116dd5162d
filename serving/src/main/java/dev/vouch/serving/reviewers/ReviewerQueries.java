package dev.vouch.serving.reviewers;

import dev.vouch.serving.model.Kindred;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelStore;
import dev.vouch.serving.model.Opinions;
import dev.vouch.serving.model.Reviewers;
import dev.vouch.engine.TopK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Read-only questions about reviewers, each answered from one model version. */
public final class ReviewerQueries {
    /** Films shown in a profile's best-rated list. */
    public static final int BEST_RATED = 10;
    private final ModelStore store;

    public ReviewerQueries(ModelStore store) {
        this.store = store;
    }

    /** Reviewers whose name, or a word of it, starts with {@code q}; most active first. */
    public List<ReviewerHit> search(String q, int limit) {
        Model model = store.require();
        return Arrays.stream(model.reviewerNames().search(q, limit)).mapToObj(r -> ReviewerHit.of(model, r)).toList();
    }

    /** The profile; throws {@link dev.vouch.serving.model.UnknownIdException} when unknown. */
    public ReviewerProfile profile(String reviewerId) {
        Model model = store.require();
        int r = model.reviewer(reviewerId);
        Reviewers reviewers = model.reviewers();
        Opinions opinions = model.opinions();
        int start = opinions.start(r);
        float[] norms = new float[opinions.end(r) - start];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = opinions.scoreNorm(start + i);
        }
        List<ReviewerProfile.RatedFilm> best = new ArrayList<>();
        for (int i : TopK.select(norms, BEST_RATED, -1f, i -> true)) {
            int f = opinions.film(start + i);
            best.add(new ReviewerProfile.RatedFilm(model.films().id(f), model.films().title(f),
                    model.films().yearOrNull(f), opinions.score(start + i), model.films().scaleMax(f)));
        }
        return new ReviewerProfile(reviewers.id(r), reviewers.name(r), reviewers.role(r), reviewers.nReviews(r),
                reviewers.nRated(r), orNull(reviewers.meanNorm(r)), orNull(reviewers.sdNorm(r)), reviewers.topTags(r),
                best, model.kindred().end(r) - model.kindred().start(r), round(model.globalMean()));
    }

    /** Reviewers who agree with this one, best first; throws when the reviewer is unknown. */
    public List<KindredReviewer> kindred(String reviewerId, int limit) {
        Model model = store.require();
        int r = model.reviewer(reviewerId);
        Kindred kindred = model.kindred();
        List<KindredReviewer> out = new ArrayList<>();
        for (int p = kindred.start(r); p < kindred.end(r) && out.size() < limit; p++) {
            int o = kindred.other(p);
            out.add(new KindredReviewer(model.reviewers().id(o), model.reviewers().name(o), round(kindred.score(p)),
                    round(kindred.llr(p)), kindred.coRated(p), round(kindred.agreement(p))));
        }
        return out;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : round(v);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
