package dev.vouch.jobs.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable report.md of a run: what was evaluated, how, one table per scenario, and the charts. */
final class Markdown {
    private static final List<String> RANKING_COLUMNS = List.of("ndcg_at_10", "precision_at_10", "recall_at_10",
            "map", "hit_at_10", "coverage", "mean_log_popularity", "endorsed_share");

    private Markdown() {}

    static String of(EvaluationResult r, List<String> charts) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> s = r.snapshot();
        md.append("# vouch evaluate: ").append(r.params().folds()).append("-fold cross-validation\n\n");
        md.append("`").append(Reports.command(r)).append("`\n\n");
        md.append(String.format(Locale.ROOT, "- snapshot `%s` (sources %s): %s scored opinions by %s reviewers on %s "
                        + "films, %s trust edges between raters%n", s.get("path"), s.get("sources"),
                s.get("scored_opinions"), s.get("reviewers"), s.get("films"), s.get("trust_edges_between_raters")));
        md.append(String.format(Locale.ROOT, "- seed %d; rating model: biased ALS, rank %d, reg-param %s, %d "
                        + "iterations, bias damping %s (%s); our implicit ALS rank %d, alpha %s (%s confidence); the "
                        + "peer's rank %d, alpha %s; implicit reg %s, %d iterations%n",
                r.params().seed(), r.chosen().rank(), r.chosen().regParam(), r.chosen().maxIter(),
                r.chosen().biasReg(), r.params().train().search() ? "searched on fold 1's training part" : "given",
                r.chosen().implicit().rank(), r.chosen().implicit().alpha(),
                r.chosen().implicit().fromRatings() ? "rating-weighted" : "watched", r.implicit().rank(),
                r.implicit().alpha(), r.implicit().regParam(), r.implicit().maxIter()));
        md.append(String.format(Locale.ROOT, "- blend (tuned on an inner split): implicit %s, rating %s, popularity %s, "
                        + "personal half %s%n", r.ranking().params().implicitWeight(),
                r.ranking().params().ratingWeight(), r.ranking().params().popularityWeight(),
                r.ranking().params().personalHalf()));
        md.append(String.format(Locale.ROOT, "- wall time %.1f s (tuning %.1f s)%n%n", r.wallSeconds(),
                r.searchSeconds()));

        for (Scenario sc : Scenario.values()) {
            List<String> models = Summaries.models(r.folds(), sc.key);
            if (models.isEmpty()) {
                continue;
            }
            md.append("## ").append(sc.key).append("\n\n").append(sc.protocol).append(".\n\n");
            List<String> columns = sc == Scenario.RATINGS ? List.of("rmse", "mae") : RANKING_COLUMNS;
            md.append("| model | requests |");
            columns.forEach(c -> md.append(' ').append(c).append(" |"));
            md.append("\n|---|---|").append("---|".repeat(columns.size())).append('\n');
            for (String m : models) {
                long users = r.folds().stream().map(f -> f.find(sc.key, m)).filter(java.util.Objects::nonNull)
                        .mapToLong(Scores::users).sum();
                md.append("| ").append(m).append(" | ").append(users).append(" |");
                for (String c : columns) {
                    md.append(' ').append(meanSd(Summaries.perFold(r.folds(), sc.key, m, c))).append(" |");
                }
                md.append('\n');
            }
            if (sc != Scenario.RATINGS) {
                Summaries.Ratios ratios = Summaries.ratios(r.folds(), sc.key);
                md.append("\nNDCG@10 ratios: vouch_over_popularity **").append(ratio(ratios.vouchOverPopularity()))
                        .append("**; vouch_over_spark_implicit_als **").append(ratio(ratios.vouchOverSparkImplicitAls()))
                        .append("**; spark_implicit_als_over_popularity **")
                        .append(ratio(ratios.sparkImplicitAlsOverPopularity())).append("**; \n");
            }
            md.append('\n');
        }
        md.append("Requests are summed over folds; metrics are mean ± sd over folds. – = does not apply.\n");
        md.append("\n## Protocol\n\n");
        Reports.protocol(r).forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v).append('\n'));
        if (!r.candidates().isEmpty()) {
            md.append("\n## Rating search (validation RMSE, own scale)\n\n| rank | reg-param | RMSE |\n|---|---|---|\n");
            r.candidates().forEach(c -> md.append(String.format(Locale.ROOT, "| %d | %s | %.4f |%n", c.rank(),
                    c.regParam(), c.validationRmse())));
        }
        md.append("\n## Implicit ALS grid (inner split)\n\n| rank | alpha | reg | confidence | implicit alone NDCG@10 | "
                + "blend objective (× popularity) |\n|---|---|---|---|---|---|\n");
        r.implicitCandidates().forEach(c -> md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %.4f | %s |%n",
                (int) c[0], c[1], c[5], c[2] > 0 ? "rating" : "watched", c[3], num(c[4]))));
        md.append("\n## Charts\n\n");
        charts.forEach(c -> md.append("![").append(c).append("](").append(c).append(")\n\n"));
        return md.toString();
    }

    private static String meanSd(double[] v) {
        double mean = Metrics.mean(v);
        double sd = Metrics.sd(v);
        return Double.isNaN(mean) ? "–" : num(mean) + (Double.isNaN(sd) ? "" : " ± " + num(sd));
    }

    private static String ratio(double v) {
        return Summaries.Ratios.times(v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }
}
