package dev.vouch.jobs.evaluate;

import static dev.vouch.jobs.evaluate.Summaries.num;
import static dev.vouch.jobs.evaluate.Summaries.obj;
import static dev.vouch.jobs.evaluate.Summaries.round;

import dev.vouch.jobs.common.JsonText;
import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.train.TrainParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run into its report folder: {@code metrics.json} (parameters, seed, snapshot, per-fold and mean ± sd
 * metrics, wall times), {@code report.md} and the PNG charts. Files are written in place; a second run into the same
 * folder replaces them.
 */
final class Reports {
    static final String METRICS_JSON = "metrics.json";
    static final String REPORT_MD = "report.md";

    private Reports() {}

    static Path write(EvaluationResult r, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(METRICS_JSON), JsonText.pretty(metrics(r)));
            List<String> charts = Charts.write(r, dir);
            Files.writeString(dir.resolve(REPORT_MD), Markdown.of(r, charts));
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new VouchException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> metrics(EvaluationResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", "vouch evaluate");
        out.put("created_at", Instant.now().toString());
        out.put("folds", r.params().folds());
        out.put("seed", r.params().seed());
        out.put("snapshot", r.snapshot());
        out.put("params", params(r));
        out.put("search", search(r));
        out.put("protocol", protocol(r));
        Map<String, Object> models = new LinkedHashMap<>();
        for (String m : EvaluationResult.MODELS) {
            models.put(m, Summaries.obj("mean", Summaries.aggregate(r.folds(), m, false),
                    "sd", Summaries.aggregate(r.folds(), m, true)));
        }
        out.put("models", models);
        Map<String, Object> trust = Summaries.trust(r.folds(), false);
        out.put("trust", trust == null ? null : Summaries.obj("mean", trust, "sd", Summaries.trust(r.folds(), true)));
        out.put("per_fold", r.folds().stream().map(Reports::fold).toList());
        out.put("rating_distribution", r.scoreCounts().entrySet().stream()
                .map(e -> Summaries.obj("score", e.getKey(), "opinions", e.getValue())).toList());
        out.put("search_seconds", round(r.searchSeconds()));
        out.put("wall_seconds", round(r.wallSeconds()));
        return out;
    }

    static Map<String, Object> params(EvaluationResult r) {
        TrainParams p = r.chosen();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", p.rank());
        m.put("reg_param", p.regParam());
        m.put("max_iter", p.maxIter());
        m.put("bias_reg", p.biasReg());
        m.put("train_seed", p.seed());
        m.put("popularity_weight", r.prior().weight());
        m.put("searched", r.params().train().search());
        m.put("max_ranked_reviewers", r.params().maxRanked());
        m.put("k", FoldEvaluator.K);
        return m;
    }

    private static Map<String, Object> search(EvaluationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("on", r.params().train().search());
        m.put("where", "a " + Math.round(r.params().train().validationFraction() * 100)
                + "% validation split of the training part of fold 1 only; the choice is reused on every fold");
        m.put("ranks", r.params().train().ranks());
        m.put("reg_params", r.params().train().regParams());
        List<Map<String, Object>> c = new ArrayList<>();
        r.candidates().forEach(x -> c.add(Summaries.obj("rank", x.rank(), "reg_param", x.regParam(),
                "validation_rmse", x.validationRmse())));
        m.put("candidates", c);
        m.put("ranking_prior", obj("where", "an inner " + (100 / EvaluationData.INNER_PARTS) + "% split of fold 1's "
                        + "training part, model refitted on the rest; NDCG@10", "weight", r.prior().weight(),
                "popularity_ndcg_at_10", r.prior().popularityNdcg(), "candidates", r.prior().candidates().stream()
                        .map(x -> obj("weight", x.weight(), "ndcg_at_10", x.ndcg())).toList()));
        return m;
    }

    static Map<String, Object> protocol(EvaluationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folds", "fold = pmod(xxhash64(review_id, seed), k) over scored opinions; train on k−1 folds, test on one");
        m.put("rating_scale", "errors on each opinion's own scale: prediction_norm × scale_max, clipped to "
                + "[scale_min, scale_max], against score");
        m.put("model_ranking", "log(1 + training ratings of the film) + popularity_weight × z, z = (model score − "
                + "reviewer mean) / max(reviewer sd, 0.05); model_prediction_only ranks by z alone");
        m.put("relevant", "a held-out film rated at or above the reviewer's mean training rating");
        m.put("ranking", "per fold, test reviewers with training ratings and at least one relevant held-out film; at "
                + "most max_ranked_reviewers of them (seeded sample), the same for every model; candidates are the "
                + "fold's films with a training rating that the reviewer has not rated in training");
        m.put("coverage", "distinct films in any ranked reviewer's top 10 / films with a training rating in the fold");
        m.put("global_mean", "ranks nothing (every film scores the same): ranking metrics are null");
        m.put("popularity", "ranks by number of training ratings; predicts no ratings: rmse and mae are null");
        m.put("mahout_item_knn", "Mahout Taste GenericItemBasedRecommender, log-likelihood item similarity (cached); where it "
                + "has no estimate the reviewer's training mean is used and counted as a fallback");
        m.put("trust", "for u trusts v: v's liked training films (best first), then films v did not rate in our model's ranking for v ("
                + "model_ranking), minus films u rated in training; scored against u's relevant held-out "
                + "films and compared with popularity's list for u; blend = reciprocal-rank fusion of all u's trustees");
        return m;
    }

    private static Map<String, Object> fold(FoldOutcome f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fold", f.fold() + 1);
        m.put("train_ratings", f.trainRatings());
        m.put("test_ratings", f.testRatings());
        m.put("ranked_reviewers", f.rankedReviewers());
        m.put("fit_seconds", round(f.fitSeconds()));
        Map<String, Object> models = new LinkedHashMap<>();
        for (ModelScores s : f.models()) {
            Map<String, Object> x = new LinkedHashMap<>();
            Summaries.METRICS.forEach(k -> x.put(k, num(Summaries.value(s, k))));
            x.put("predicted", s.predicted());
            x.put("fallbacks", s.fallbacks());
            x.put("seconds", round(s.seconds()));
            models.put(s.model(), x);
        }
        m.put("models", models);
        if (f.trust() != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            Summaries.TRUST_METRICS.forEach(k -> t.put(k, num(Summaries.value(f.trust(), k))));
            t.put("edges", f.trust().edges());
            t.put("wins", f.trust().wins());
            t.put("losses", f.trust().losses());
            t.put("trusters", f.trust().trusters());
            m.put("trust", t);
        }
        return m;
    }
}
