package dev.vouch.serving.suggest;

import dev.vouch.engine.ReviewerView;
import dev.vouch.serving.model.Aspect;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.Opinions;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds {@link Explanation}s from the model: R's own scores, aspects and tags, or the evidence used instead. */
final class Explainer {
    private final Model model;

    Explainer(Model model) {
        this.model = model;
    }

    /** R's view of a film R scored, or a prediction for R with R's kindred as support. */
    Explanation reviewer(int reviewer, int film, byte kind) {
        String name = model.reviewers().name(reviewer);
        double max = model.films().scaleMax(film);
        Opinions o = model.opinions();
        int p = o.find(reviewer, film);
        Support support = Support.of(model, reviewer, film);
        Explanation.Evidence evidence = evidence(reviewer, p, support);
        if (kind == ReviewerView.REVIEWED) {
            double score = o.score(p);
            String sentence = name + " rated it " + num(score) + "/" + num(max) + aspectText(o.aspects(p))
                    + tagText(evidence.tags()) + ".";
            return Explanation.reviewed(evidence, score, max, sentence);
        }
        double norm = predictedNorm(reviewer, film);
        Double predicted = Double.isNaN(norm) ? null : round1(norm * max);
        boolean watched = kind == ReviewerView.WATCHED;
        String opening = evidence.tags().isEmpty() ? "Not reviewed by " + name
                : name + " tagged it" + quoted(evidence.tags()) + " without a score";
        String because = watched ? "; readers with " + name + "'s taste watched it" : "";
        String sentence = support.count() > 0
                ? opening + because + ", and " + support.count() + (support.count() == 1 ? " reviewer who agrees"
                : " reviewers who agree") + " with " + name + " rated it " + num(support.meanScore()) + "/" + num(max)
                + (support.count() == 1 ? "." : " on average.")
                : opening + because + (predicted == null ? "."
                : "; predicted from " + name + "'s taste at about " + num(predicted) + "/" + num(max) + ".");
        return Explanation.predicted(evidence, max, predicted, watched, sentence);
    }

    /** R's sub-score for one aspect, with the overall score beside it. */
    Explanation aspect(int reviewer, int film, String aspectName) {
        Opinions o = model.opinions();
        int p = o.find(reviewer, film);
        Explanation.Evidence evidence = evidence(reviewer, p, Support.of(model, reviewer, film));
        Aspect a = o.aspect(p, aspectName);
        double max = model.films().scaleMax(film);
        double score = o.score(p);
        String overall = Double.isNaN(score) ? "" : " (overall " + num(score) + "/" + num(max) + ")";
        String sentence = evidence.reviewerName() + " gave it " + capitalise(a.name()) + " " + num(a.score()) + "/"
                + num(a.max()) + overall + tagText(evidence.tags()) + ".";
        return Explanation.reviewed(evidence, Double.isNaN(score) ? null : score, max, sentence);
    }

    /** R's own words on the film (opinion {@code p}, or none when p < 0) and the kindred who back them. */
    private Explanation.Evidence evidence(int reviewer, int p, Support support) {
        Opinions o = model.opinions();
        List<Explanation.AspectScore> aspects = p < 0 ? List.of() : o.aspects(p).stream()
                .map(a -> new Explanation.AspectScore(a.name(), a.score(), a.max())).toList();
        return new Explanation.Evidence(model.reviewers().id(reviewer), model.reviewers().name(reviewer), aspects,
                p < 0 ? List.of() : o.tags(p), support.count(),
                support.count() == 0 ? null : round1(support.meanScore()));
    }

    /** A prediction from the reader's own ratings (fold-in); predictedNorm may be NaN (no explicit factors). */
    Explanation personal(int film, double predictedNorm, int ratings, boolean watched) {
        double max = model.films().scaleMax(film);
        Double predicted = Double.isNaN(predictedNorm) ? null : round1(predictedNorm * max);
        String from = "your " + ratings + (ratings == 1 ? " rating" : " ratings");
        String sentence = watched
                ? "Readers whose ratings resemble " + from + " watched it"
                        + (predicted == null ? "." : "; predicted for you at about " + num(predicted) + "/" + num(max) + ".")
                : "Predicted for you from " + from
                        + (predicted == null ? "." : " at about " + num(predicted) + "/" + num(max) + ".");
        return Explanation.personal(max, predicted, ratings, watched, sentence);
    }

    /** A film matching the reader's tags. */
    Explanation tagMatch(List<String> matched) {
        return Explanation.tagMatch(matched, "Matches your tags" + quoted(matched) + ".");
    }

    /** A popular film, for when nothing personal is known. */
    Explanation popular(int film) {
        double max = model.films().scaleMax(film);
        int n = model.films().nRatings(film);
        double mean = model.films().meanNorm(film);
        String sentence = Double.isNaN(mean) || n == 0 ? "Popular with Vouch reviewers."
                : "Popular: " + n + (n == 1 ? " reviewer" : " reviewers") + " rated it " + num(mean * max) + "/"
                + num(max) + " on average.";
        return Explanation.popular(max, n, Double.isNaN(mean) ? null : round1(mean * max), sentence);
    }

    /** NaN when R or the film has no factors: a biases-only number is no prediction of R's taste. */
    private double predictedNorm(int reviewer, int film) {
        return model.reviewers().factors().has(reviewer) && model.films().factors().has(film)
                ? model.ranking().predict(reviewer, film) : Double.NaN;
    }

    private static String aspectText(List<Aspect> aspects) {
        return aspects.stream().map(a -> " — " + capitalise(a.name()) + " " + num(a.score()) + "/" + num(a.max()))
                .collect(Collectors.joining());
    }

    private static String tagText(List<String> tags) {
        return tags.isEmpty() ? "" : " — tagged" + quoted(tags);
    }

    private static String quoted(List<String> tags) {
        return tags.stream().map(t -> "“" + t + "”").collect(Collectors.joining(", ", " ", ""));
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** 9.0 → "9", 8.25 → "8.3". */
    static String num(double v) {
        double r = round1(v);
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
