package dev.vouch.serving.critics;

import dev.vouch.engine.CriticMatcher;
import dev.vouch.engine.FilmOpinions;
import dev.vouch.engine.RankingModel;
import dev.vouch.engine.ReaderProfile;
import dev.vouch.serving.model.Aspect;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.ModelStore;
import dev.vouch.serving.model.Opinions;
import dev.vouch.serving.web.BadRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "Which reviewers share my taste?" for a reader (their ratings) or a known reviewer (their scored opinions), each
 * answered from one model version with {@link CriticMatcher}, then described with the films that drove each match.
 * Stateless and thread-safe.
 */
public final class CriticFinder {
    /** Films shown as evidence of agreement. */
    static final int EVIDENCE = 3;
    /** Per-film agreement below this (a gap of one standard deviation) is a disagreement, not evidence. */
    static final double AGREE = 2.0 / 3;

    private final ModelStore store;

    public CriticFinder(ModelStore store) {
        this.store = store;
    }

    /** The reviewers who agree best with a reader's ratings; unknown films are a 404, bad scores a 400. */
    public CriticList forReader(CriticsRequest request) {
        Model model = store.require();
        String aspect = checkAspect(model, request.aspect());
        int n = request.ratings().size();
        if (n == 0) {
            return new CriticList(model.version(), null, aspect, 0, List.of());
        }
        int[] films = new int[n];
        double[] norms = new double[n];
        double[] scores = new double[n];
        double[] max = new double[n];
        @SuppressWarnings("unchecked")
        Map<String, Double>[] aspects = new Map[n];
        for (int i = 0; i < n; i++) {
            CriticsRequest.Rating r = request.ratings().get(i);
            films[i] = model.film(r.film());
            max[i] = model.films().scaleMax(films[i]);
            scores[i] = checkScore(r.score(), max[i], "ratings[" + i + "].score", r.film());
            norms[i] = r.score() / max[i];
            Map<String, Double> a = new HashMap<>();
            for (Map.Entry<String, Double> e : r.aspects().entrySet()) {
                checkScore(e.getValue(), max[i], "ratings[" + i + "].aspects." + e.getKey(), r.film());
                a.put(e.getKey(), e.getValue() / max[i]);
            }
            aspects[i] = a;
        }
        ReaderProfile.Habits habits = ReaderProfile.habits(model.ranking(), films, norms);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = habits.z(norms[i]);
        }
        Taste taste = new Taste(films, z, scores, max, aspects, habits, -1);
        return new CriticList(model.version(), null, aspect, n, rank(model, taste, aspect, request.limit(),
                request.minCoRated()));
    }

    /** The reviewers who agree best with a known reviewer (never that reviewer); unknown reviewer: 404. */
    public CriticList forReviewer(String reviewerId, int limit, int minCoRated, String aspectName) {
        Model model = store.require();
        String aspect = checkAspect(model, MatchRequest.aspect(aspectName));
        int r = model.reviewer(reviewerId);
        Opinions o = model.opinions();
        FilmOpinions byFilm = model.ranking().byFilm();
        RankingModel ranking = model.ranking();
        ReaderProfile.Habits habits = new ReaderProfile.Habits(ranking.center(r), ranking.spread(r));
        List<Integer> positions = new ArrayList<>();
        for (int p = o.start(r); p < o.end(r); p++) {
            if (!Float.isNaN(o.scoreNorm(p))) {
                positions.add(p);
            }
        }
        int n = positions.size();
        int[] films = new int[n];
        double[] z = new double[n];
        double[] scores = new double[n];
        double[] max = new double[n];
        @SuppressWarnings("unchecked")
        Map<String, Double>[] aspects = new Map[n];
        for (int i = 0; i < n; i++) {
            int p = positions.get(i);
            films[i] = o.film(p);
            z[i] = byFilm.z(p);
            scores[i] = o.score(p);
            max[i] = o.scaleMax(p, model.films().scaleMax(films[i]));
            Map<String, Double> a = new HashMap<>();
            for (Aspect as : o.aspects(p)) {
                a.put(as.name(), as.score() / as.max());
            }
            aspects[i] = a;
        }
        Taste taste = new Taste(films, z, scores, max, aspects, habits, r);
        return new CriticList(model.version(), model.reviewers().id(r), aspect, n,
                n == 0 ? List.of() : rank(model, taste, aspect, limit, minCoRated));
    }

    private static List<CriticMatch> rank(Model model, Taste taste, String aspect, int limit, int minCoRated) {
        List<CriticMatcher.Match> matches = aspect == null
                ? CriticMatcher.match(model.ranking(), taste.films(), taste.z(), minCoRated, limit, taste.exclude())
                : onAspect(model, taste, aspect, limit, minCoRated);
        return matches.stream().map(m -> describe(model, taste, m)).toList();
    }

    /**
     * On one aspect: every co-rater's sub-scores for it against the asker's (their own sub-score for the aspect when
     * given, else their overall score), each on its own side's habits.
     */
    private static List<CriticMatcher.Match> onAspect(Model model, Taste taste, String aspect, int limit,
                                                      int minCoRated) {
        RankingModel ranking = model.ranking();
        List<CriticMatcher.Match> all = CriticMatcher.match(ranking, taste.films(), taste.z(), 1,
                ranking.reviewerCount(), taste.exclude());
        List<CriticMatcher.Match> out = new ArrayList<>();
        for (CriticMatcher.Match m : all) {
            int r = m.reviewer();
            double sum = 0;
            int count = 0;
            for (int i = 0; i < taste.size(); i++) {
                int p = model.opinions().find(r, taste.films()[i]);
                Aspect a = p < 0 ? null : model.opinions().aspect(p, aspect);
                if (a == null || !(a.max() > 0)) {
                    continue;
                }
                Double own = taste.aspects()[i].get(aspect);
                double zReader = own == null ? taste.z()[i] : taste.habits().z(own);
                double zReviewer = (a.score() / a.max() - ranking.center(r)) / ranking.spread(r);
                sum += CriticMatcher.agreement(zReader, zReviewer);
                count++;
            }
            if (count >= Math.max(1, minCoRated)) {
                out.add(new CriticMatcher.Match(r, sum / count, count, CriticMatcher.shrunk(sum / count, count)));
            }
        }
        out.sort(CriticMatcher.BEST_FIRST);
        return out.subList(0, Math.min(limit, out.size()));
    }

    private static CriticMatch describe(Model model, Taste taste, CriticMatcher.Match m) {
        int r = m.reviewer();
        Opinions o = model.opinions();
        FilmOpinions byFilm = model.ranking().byFilm();
        List<CriticMatch.Evidence> pairs = new ArrayList<>();
        List<Double> readerZ = new ArrayList<>();
        Map<String, double[]> aspects = new TreeMap<>();
        RankingModel ranking = model.ranking();
        for (int i = 0; i < taste.size(); i++) {
            int f = taste.films()[i];
            int p = o.find(r, f);
            if (p < 0 || Float.isNaN(o.scoreNorm(p))) {
                continue;
            }
            double agreement = CriticMatcher.agreement(taste.z()[i], byFilm.z(p));
            pairs.add(new CriticMatch.Evidence(model.films().id(f), model.films().title(f), round1(taste.scores()[i]),
                    taste.scaleMax()[i], round1(o.score(p)), o.scaleMax(p, model.films().scaleMax(f)),
                    Taste.round(agreement)));
            readerZ.add(taste.z()[i]);
            for (Aspect a : o.aspects(p)) {
                Double own = taste.aspects()[i].get(a.name());
                if (own != null && a.max() > 0) {
                    double zr = (a.score() / a.max() - ranking.center(r)) / ranking.spread(r);
                    double[] acc = aspects.computeIfAbsent(a.name(), k -> new double[2]);
                    acc[0] += CriticMatcher.agreement(taste.habits().z(own), zr);
                    acc[1]++;
                }
            }
        }
        Integer[] order = new Integer[pairs.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        // Best agreement first; among equals, the films the asker loved most.
        java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> -pairs.get(k).agreement())
                .thenComparingDouble(k -> -readerZ.get(k)).thenComparing(k -> pairs.get(k).film()));
        List<CriticMatch.Evidence> evidence = new ArrayList<>();
        for (int k = 0; k < order.length && evidence.size() < EVIDENCE; k++) {
            if (pairs.get(order[k]).agreement() >= AGREE - 1e-9) {
                evidence.add(pairs.get(order[k]));
            }
        }
        CriticMatch.Evidence worst = order.length == 0 ? null : pairs.get(order[order.length - 1]);
        CriticMatch.Evidence disagreement = worst != null && worst.agreement() < AGREE - 1e-9 ? worst : null;
        List<CriticMatch.AspectAgreement> perAspect = aspects.entrySet().stream()
                .map(e -> new CriticMatch.AspectAgreement(e.getKey(), Taste.round(e.getValue()[0] / e.getValue()[1]),
                        (int) e.getValue()[1])).toList();
        return new CriticMatch(model.reviewers().id(r), model.reviewers().name(r), Taste.round(m.agreement()),
                m.coRated(), Taste.round(m.match()), perAspect, evidence, disagreement);
    }

    private static String checkAspect(Model model, String aspect) {
        if (aspect != null && !model.aspectNames().contains(aspect)) {
            throw new BadRequestException("aspect", "unknown aspect '" + aspect + "'; known aspects: "
                    + new TreeSet<>(model.aspectNames()));
        }
        return aspect;
    }

    private static double checkScore(double score, double max, String field, String film) {
        if (score < 0 || score > max) {
            throw new BadRequestException(field, "score for " + film + " must be between 0 and " + num(max)
                    + ", was " + score);
        }
        return score;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
