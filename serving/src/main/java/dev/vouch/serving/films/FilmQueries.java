package dev.vouch.serving.films;

import dev.vouch.engine.Factors;
import dev.vouch.serving.model.Films;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelLayout;
import dev.vouch.serving.model.ModelStore;
import dev.vouch.serving.model.Opinions;
import dev.vouch.engine.TopK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** Read-only questions about films, each answered from one model version. */
public final class FilmQueries {
    private static final int DETAIL_TAGS = 10;
    private final ModelStore store;

    public FilmQueries(ModelStore store) {
        this.store = store;
    }

    /** Films whose title, or a word of it, starts with {@code q} (accents and case folded); most rated first. */
    public List<FilmHit> search(String q, int limit) {
        Model model = store.require();
        return Arrays.stream(model.filmNames().search(q, limit)).mapToObj(f -> FilmHit.of(model, f)).toList();
    }

    /** One film; throws {@link dev.vouch.serving.model.UnknownIdException} when unknown. */
    public FilmDetail detail(String filmId) {
        return detail(filmId, null);
    }

    /**
     * One film with the opinions of the given reviewers (null: none asked for); throws
     * {@link dev.vouch.serving.model.UnknownIdException} when the film or one of the reviewers is unknown.
     */
    public FilmDetail detail(String filmId, List<String> reviewerIds) {
        Model model = store.require();
        int f = model.film(filmId);
        Films films = model.films();
        double max = films.scaleMax(f);
        List<String> tags = new ArrayList<>();
        for (int p = model.filmTags().start(f); p < model.filmTags().end(f) && tags.size() < DETAIL_TAGS; p++) {
            tags.add(model.filmTags().tag(p));
        }
        List<FilmDetail.AspectMean> aspects = new ArrayList<>();
        for (int p = model.filmAspects().start(f); p < model.filmAspects().end(f); p++) {
            aspects.add(new FilmDetail.AspectMean(model.filmAspects().aspect(p),
                    round1(model.filmAspects().meanNorm(p) * max), model.filmAspects().n(p)));
        }
        double mean = films.meanNorm(f);
        return new FilmDetail(films.id(f), films.title(f), films.yearOrNull(f), films.genres(f), max,
                films.nRatings(f), Double.isNaN(mean) ? null : round1(mean * max), tags, aspects,
                reviewerIds == null ? null : opinions(model, f, reviewerIds));
    }

    private static List<FilmDetail.Opinion> opinions(Model model, int f, List<String> reviewerIds) {
        Opinions o = model.opinions();
        List<FilmDetail.Opinion> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(reviewerIds)) {
            int r = model.reviewer(id);
            int p = o.find(r, f);
            if (p >= 0) {
                float score = o.score(p);
                out.add(new FilmDetail.Opinion(model.reviewers().id(r), model.reviewers().name(r),
                        Float.isNaN(score) ? null : (double) score, model.films().scaleMax(f), o.aspects(p), o.tags(p)));
            }
        }
        return out;
    }

    /** Films similar to one film; throws {@link dev.vouch.serving.model.UnknownIdException} when unknown. */
    public SimilarFilms similar(String filmId, int limit) {
        Model model = store.require();
        int f = model.film(filmId);
        return new SimilarFilms(model.version(), FilmHit.of(model, f), listed(model, f, ModelLayout.KIND_CO_LIKED, limit),
                listed(model, f, ModelLayout.KIND_SHARED_TAGS, limit), byVectors(model, f, limit));
    }

    private static List<SimilarFilms.Similar> listed(Model model, int f, String kind, int limit) {
        List<SimilarFilms.Similar> out = new ArrayList<>();
        var similar = model.similarFilms();
        for (int p = similar.start(f); p < similar.end(f) && out.size() < limit; p++) {
            if (similar.kind(p).equals(kind)) {
                out.add(similar(model, similar.other(p), similar.score(p)));
            }
        }
        return out;
    }

    /** Cosine similarity of item vectors, top-k by a partial heap over all films. */
    private static List<SimilarFilms.Similar> byVectors(Model model, int f, int limit) {
        Factors factors = model.films().factors();
        if (!factors.has(f) || factors.norm(f) == 0f) {
            return List.of();
        }
        float[] query = factors.row(f);
        float queryNorm = factors.norm(f);
        float[] cosine = new float[model.films().size()];
        for (int o = 0; o < cosine.length; o++) {
            cosine[o] = factors.has(o) && factors.norm(o) > 0f
                    ? factors.dot(o, query) / (factors.norm(o) * queryNorm) : Float.NaN;
        }
        List<SimilarFilms.Similar> out = new ArrayList<>();
        for (int o : TopK.select(cosine, limit, -1.0001f, o -> o != f)) {
            out.add(similar(model, o, cosine[o]));
        }
        return out;
    }

    private static SimilarFilms.Similar similar(Model model, int film, double score) {
        return new SimilarFilms.Similar(model.films().id(film), model.films().title(film),
                model.films().yearOrNull(film), Math.round(score * 1000) / 1000.0);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
