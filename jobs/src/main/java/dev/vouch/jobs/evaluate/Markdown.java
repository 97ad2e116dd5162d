package dev.vouch.jobs.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable report.md of a run: what was evaluated, how, the tables, and links to the charts. */
final class Markdown {
    private Markdown() {}

    static String of(EvaluationResult r, List<String> charts) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> s = r.snapshot();
        md.append("# vouch evaluate: ").append(r.params().folds()).append("-fold cross-validation\n\n");
        md.append(String.format(Locale.ROOT, "- snapshot `%s` (sources %s): %s scored opinions by %s reviewers on %s "
                        + "films, %s trust edges between raters%n", s.get("path"), s.get("sources"),
                s.get("scored_opinions"), s.get("reviewers"), s.get("films"), s.get("trust_edges_between_raters")));
        md.append(String.format(Locale.ROOT, "- seed %d; our model: biased ALS, rank %d, reg-param %s, %d iterations, "
                        + "bias damping %s (%s)%n", r.params().seed(), r.chosen().rank(), r.chosen().regParam(),
                r.chosen().maxIter(), r.chosen().biasReg(), r.params().train().search()
                        ? "searched once on the training part of fold 1" : "given, no search"));
        md.append(String.format(Locale.ROOT, "- wall time %.1f s (search %.1f s)%n%n", r.wallSeconds(),
                r.searchSeconds()));

        md.append("## Mean ± sd over folds\n\n| model | RMSE | MAE | P@10 | R@10 | NDCG@10 | MAP | coverage |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (String m : EvaluationResult.MODELS) {
            md.append("| ").append(m);
            for (String metric : Summaries.METRICS) {
                double[] v = Summaries.perFold(r.folds(), m, metric);
                md.append(" | ").append(meanSd(v));
            }
            md.append(" |\n");
        }
        md.append("\nErrors are on the data's own rating scale. – = does not apply (global mean cannot rank; ")
                .append("popularity predicts no ratings).\n\n");

        md.append("## Per fold\n\n| fold | train | test | ranked reviewers | fit s |");
        EvaluationResult.MODELS.forEach(m -> md.append(" ").append(m).append(" RMSE / NDCG@10 |"));
        md.append("\n|---|---|---|---|---|").append("---|".repeat(EvaluationResult.MODELS.size())).append('\n');
        for (FoldOutcome f : r.folds()) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f |", f.fold() + 1, f.trainRatings(),
                    f.testRatings(), f.rankedReviewers(), f.fitSeconds()));
            for (String m : EvaluationResult.MODELS) {
                ModelScores sc = Summaries.scores(f, m);
                md.append(' ').append(num(sc.rmse())).append(" / ").append(num(sc.ndcgAt10()));
                md.append(sc.fallbacks() > 0 ? " (" + sc.fallbacks() + " fallbacks)" : "").append(" |");
            }
            md.append('\n');
        }
        trust(md, r);
        md.append("\n## Protocol\n\n");
        Reports.protocol(r).forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v).append('\n'));
        if (!r.candidates().isEmpty()) {
            md.append("\n## Search (validation RMSE, own scale)\n\n| rank | reg-param | RMSE |\n|---|---|---|\n");
            r.candidates().forEach(c -> md.append(String.format(Locale.ROOT, "| %d | %s | %.4f |%n", c.rank(),
                    c.regParam(), c.validationRmse())));
        }
        md.append("\n## Charts\n\n");
        charts.forEach(c -> md.append("![").append(c).append("](").append(c).append(")\n\n"));
        return md.toString();
    }

    private static void trust(StringBuilder md, EvaluationResult r) {
        Map<String, Object> t = Summaries.trust(r.folds(), false);
        if (t == null) {
            md.append("\n## Trust\n\nNo trust edges between reviewers with scored opinions: not evaluated.\n");
            return;
        }
        md.append("\n## Trust: does a trusted reviewer's list beat popularity?\n\n");
        md.append(String.format(Locale.ROOT, "Over %s (truster, trustee) edge evaluations across folds: the trustee's "
                        + "list wins on NDCG@10 %s times and loses %s times against popularity.%n%n",
                t.get("edges"), t.get("wins"), t.get("losses")));
        md.append("| list for the truster | NDCG@10 | hit@10 |\n|---|---|---|\n");
        row(md, t, "trusted reviewer's suggestions", "trustee");
        row(md, t, "popularity (same edges)", "popularity");
        row(md, t, "our model (same edges)", "model");
        row(md, t, "blend of all trustees (per truster, " + t.get("trusters") + ")", "blend");
        row(md, t, "popularity (same trusters)", "blend_popularity");
    }

    private static void row(StringBuilder md, Map<String, Object> t, String label, String prefix) {
        md.append("| ").append(label).append(" | ").append(num(t.get(prefix + "_ndcg_at_10"))).append(" | ")
                .append(num(t.get(prefix + "_hit_at_10"))).append(" |\n");
    }

    private static String meanSd(double[] v) {
        double mean = Metrics.mean(v);
        double sd = Metrics.sd(v);
        return Double.isNaN(mean) ? "–" : num(mean) + (Double.isNaN(sd) ? "" : " ± " + num(sd));
    }

    private static String num(Object v) {
        if (v == null || (v instanceof Double d && Double.isNaN(d))) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue());
    }
}
