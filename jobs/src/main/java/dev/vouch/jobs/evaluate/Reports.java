package dev.vouch.jobs.evaluate;

import static dev.vouch.jobs.evaluate.Summaries.obj;
import static dev.vouch.jobs.evaluate.Summaries.round;

import dev.vouch.jobs.common.JsonText;
import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.train.TrainParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run into its report folder: {@code metrics.json} (parameters, seed, snapshot, per-fold and mean ± sd
 * metrics per scenario, ratios, wall times), {@code report.md} and the PNG charts. Files are written in place; a
 * second run into the same folder replaces them.
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
        out.put("command", command(r));
        out.put("created_at", Instant.now().toString());
        out.put("folds", r.params().folds());
        out.put("seed", r.params().seed());
        out.put("snapshot", r.snapshot());
        out.put("params", params(r));
        out.put("tuning", tuning(r));
        out.put("protocol", protocol(r));
        out.put("scenarios", Summaries.scenarios(r.folds()));
        out.put("per_fold", r.folds().stream().map(Reports::fold).toList());
        out.put("rating_distribution", r.scoreCounts().entrySet().stream()
                .map(e -> obj("score", e.getKey(), "opinions", e.getValue())).toList());
        out.put("search_seconds", round(r.searchSeconds()));
        out.put("wall_seconds", round(r.wallSeconds()));
        return out;
    }

    /** The command line that reproduces the run (on the same snapshot). */
    static String command(EvaluationResult r) {
        EvaluateParams p = r.params();
        return String.format(java.util.Locale.ROOT, "vouch evaluate --folds %d --seed %d --relevant-at %s "
                        + "--readers-share %s --max-ranked %d --mahout-ranked %d --max-edges %d%s", p.folds(), p.seed(),
                p.relevantAt(), p.readersShare(), p.maxRanked(), p.mahoutRanked(), p.maxEdges(),
                p.train().search() ? "" : " --no-search") + (p.criticsOnly() ? " --only critics" : "");
    }

    static Map<String, Object> params(EvaluationResult r) {
        TrainParams p = r.chosen();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", p.rank());
        m.put("reg_param", p.regParam());
        m.put("max_iter", p.maxIter());
        m.put("bias_reg", p.biasReg());
        m.put("train_seed", p.seed());
        m.put("implicit_rank", p.implicit().rank());
        m.put("implicit_alpha", p.implicit().alpha());
        m.put("implicit_confidence", p.implicit().fromRatings() ? "rating" : "watched");
        m.put("implicit_reg_param", p.implicit().regParam());
        m.put("implicit_max_iter", p.implicit().maxIter());
        m.put("peer_implicit_rank", r.implicit().rank());
        m.put("peer_implicit_alpha", r.implicit().alpha());
        m.put("implicit_weight", r.ranking().params().implicitWeight());
        m.put("rating_weight", r.ranking().params().ratingWeight());
        m.put("popularity_weight", r.ranking().params().popularityWeight());
        m.put("personal_half", r.ranking().params().personalHalf());
        m.put("relevant_at", r.params().relevantAt());
        m.put("readers_share", r.params().readersShare());
        m.put("searched", r.params().train().search());
        m.put("max_ranked_reviewers", r.params().maxRanked());
        m.put("mahout_ranked_reviewers", r.params().mahoutRanked());
        m.put("max_trust_edges", r.params().maxEdges());
        m.put("k", FoldEvaluator.K);
        return m;
    }

    private static Map<String, Object> tuning(EvaluationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.params().criticsOnly()) {
            m.put("where", "nothing tuned (--only critics): the given training parameters and the default blend");
            m.put("blend", obj("implicit_weight", r.ranking().params().implicitWeight(), "rating_weight",
                    r.ranking().params().ratingWeight(), "popularity_weight", r.ranking().params().popularityWeight(),
                    "personal_half", r.ranking().params().personalHalf()));
            return m;
        }
        m.put("where", "rating search: a " + Math.round(r.params().train().validationFraction() * 100)
                + "% validation split of fold 1's training part; implicit rank × alpha and blend weights: an inner "
                + (100 / EvaluationData.INNER_PARTS) + "% split of fold 1's training part (NDCG@10); reused on every fold");
        m.put("rating_candidates", r.candidates().stream().map(x -> obj("rank", x.rank(), "reg_param", x.regParam(),
                "validation_rmse", x.validationRmse())).toList());
        m.put("implicit_candidates", r.implicitCandidates().stream().map(x -> obj("rank", (int) x[0], "alpha", x[1],
                "confidence", x[2] > 0 ? "rating" : "watched", "reg_param", x[5], "implicit_only_ndcg_at_10", x[3],
                "blend_objective", x[4])).toList());
        m.put("blend", RankingTuner.describe(r.ranking()));
        return m;
    }

    static Map<String, Object> protocol(EvaluationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folds", "fold = pmod(xxhash64(review_id, seed), k) over scored opinions; train on k−1 folds, test on one");
        m.put("relevant", "a held-out film rated at or above relevant_at × scale (score_norm ≥ " + r.params().relevantAt()
                + ": 4 of 5, 3 of 4)");
        m.put("candidates", "every film with a training rating that the reviewer or reader did not rate in training");
        m.put("served_path", "every vouch list is ranked by the ranking engine serving runs (dev.vouch.engine.Ranker), "
                + "on the engine model built from the tables training publishes, from the request a site sends");
        m.put("spark_implicit_als", "Spark ALS implicitPrefs on who rated what (rating = 1), rank × alpha chosen on the "
                + "inner split, ranked by x·y; for readers, the same model's user step (fold-in)");
        m.put("explicit_als_by_rating", "our rating model (biases + ALS) ranking by predicted rating alone");
        m.put("popularity", "number of training ratings; predicts no ratings");
        m.put("biases", "μ + b_reviewer + b_film: for one reviewer, ranks by film bias");
        m.put("mahout_item_knn", "ratings: Mahout Taste GenericItemBasedRecommender, log-likelihood similarity; "
                + "ranking: GenericBooleanPrefItemBasedRecommender over boolean preferences with a precomputed "
                + "neighbourhood (each film's 100 most similar films by log-likelihood, in a GenericItemSimilarity), "
                + "recommend() over the films similar to the reviewer's, for mahout_ranked_reviewers per fold (every "
                + "test reviewer by default; popularity_on_mahout_sample is popularity on the same reviewers)");
        m.put("endorsed_share", "share of a list that its reviewer rated at or above their own mean in training, or "
                + "that the rating model predicts them to love (z ≥ " + TrustEvaluator.LOVES_Z + ")");
        m.put("mean_log_popularity", "mean ln(1 + training ratings) of the suggested films; lower is more novel");
        m.put("coverage", "distinct films suggested / films with a training rating in the fold");
        m.put("critics", "agreement = mean over co-rated films of 1 − min(|z_reader − z_reviewer|, 3)/3, each z on its "
                + "own side's habits; match = agreement · n/(n + 50) (dev.vouch.engine.CriticMatcher, as served)");
        return m;
    }

    private static Map<String, Object> fold(FoldOutcome f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fold", f.fold() + 1);
        m.put("train_ratings", f.trainRatings());
        m.put("test_ratings", f.testRatings());
        m.put("fit_seconds", round(f.fitSeconds()));
        m.put("scores", f.scores().stream().map(s -> {
            Map<String, Object> x = obj("scenario", s.scenario(), "model", s.model(), "requests", s.users());
            x.putAll(s.metrics());
            x.put("seconds", round(s.seconds()));
            return x;
        }).toList());
        return m;
    }
}
