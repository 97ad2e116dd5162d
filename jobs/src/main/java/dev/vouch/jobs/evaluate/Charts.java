package dev.vouch.jobs.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The report's PNG charts, drawn with XChart: mean RMSE and NDCG@10 per model (error bars: sd over folds), the
 * rating distribution, and the trust comparison when there is one. Models a metric does not apply to are left out.
 */
final class Charts {
    static final String RMSE = "rmse.png";
    static final String NDCG = "ndcg.png";
    static final String RATINGS = "ratings.png";
    static final String TRUST = "trust.png";
    static final String CRITICS = "critics.png";

    private Charts() {}

    /** Writes the charts and returns their file names, in report order. */
    static List<String> write(EvaluationResult r, Path dir) throws IOException {
        // Batch runs have no display; AWT must know before its first class loads.
        System.setProperty("java.awt.headless", "true");
        List<String> written = new ArrayList<>();
        // XChart cannot draw a chart without series: a scenario that was not run (--only) has no chart.
        if (!Summaries.models(r.folds(), Scenario.RATINGS.key).isEmpty()) {
            save(perModel(r, Scenario.RATINGS, "rmse", "RMSE (own scale, lower is better)"), dir, RMSE, written);
        }
        if (!Summaries.models(r.folds(), Scenario.KNOWN.key).isEmpty()) {
            save(ndcg(r), dir, NDCG, written);
        }
        save(ratings(r.scoreCounts()), dir, RATINGS, written);
        if (!Summaries.models(r.folds(), Scenario.TRUSTEE.key).isEmpty()) {
            save(trust(r), dir, TRUST, written);
        }
        if (!Summaries.models(r.folds(), Scenario.CRITICS_FEW.key).isEmpty()) {
            save(critics(r), dir, CRITICS, written);
        }
        return written;
    }

    private static CategoryChart perModel(EvaluationResult r, Scenario sc, String metric, String title) {
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> sds = new ArrayList<>();
        for (String m : Summaries.models(r.folds(), sc.key)) {
            double[] v = Summaries.perFold(r.folds(), sc.key, m, metric);
            double mean = Metrics.mean(v);
            if (!Double.isNaN(mean)) {
                names.add(m);
                means.add(mean);
                double sd = Metrics.sd(v);
                sds.add(Double.isNaN(sd) ? 0 : sd);
            }
        }
        CategoryChart chart = chart(title + ", " + r.params().folds() + "-fold CV", "model", metric);
        if (!names.isEmpty()) {
            chart.addSeries(metric, names, means, sds);
        }
        return chart;
    }

    /** NDCG@10 of ours, the peer and popularity in the known-reviewer and reader scenarios. */
    private static CategoryChart ndcg(EvaluationResult r) {
        return grouped(r, "NDCG@10 through the served path (higher is better)",
                List.of(Scenario.KNOWN, Scenario.READERS, Scenario.READERS_10),
                List.of(EvaluationResult.MODEL, EvaluationResult.IMPLICIT_ALS, EvaluationResult.POPULARITY));
    }

    private static CategoryChart trust(EvaluationResult r) {
        return grouped(r, "Trust edges: the truster's relevant held-out films (NDCG@10)",
                List.of(Scenario.TRUSTEE, Scenario.OWN_TRUSTEE, Scenario.OWN),
                List.of(EvaluationResult.MODEL, EvaluationResult.POPULARITY));
    }

    /** Trust recovery (NDCG@10 of declared trustees) and the wisdom of the few (NDCG@10 of held-out liked films). */
    private static CategoryChart critics(EvaluationResult r) {
        CategoryChart chart = chart("Critics: trust recovery and the wisdom of the few (NDCG@10)", "list", "NDCG@10");
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Scenario sc : List.of(Scenario.CRITICS_TRUST, Scenario.CRITICS_FEW)) {
            for (String m : Summaries.models(r.folds(), sc.key)) {
                names.add((sc == Scenario.CRITICS_TRUST ? "trustees: " : "films: ") + m);
                double v = Summaries.mean(r.folds(), sc.key, m, "ndcg_at_10");
                values.add(Double.isNaN(v) ? 0.0 : v);
            }
        }
        chart.addSeries("ndcg_at_10", names, values);
        chart.getStyler().setXAxisLabelRotation(30);
        return chart;
    }

    private static CategoryChart grouped(EvaluationResult r, String title, List<Scenario> scenarios,
                                         List<String> models) {
        CategoryChart chart = chart(title, "scenario", "NDCG@10");
        List<String> present = scenarios.stream().map(s -> s.key)
                .filter(k -> !Summaries.models(r.folds(), k).isEmpty()).toList();
        if (present.isEmpty()) {
            return chart;
        }
        for (String m : models) {
            chart.addSeries(m, present, present.stream().map(k -> {
                double v = Summaries.mean(r.folds(), k, m, "ndcg_at_10");
                return Double.isNaN(v) ? 0.0 : v;
            }).toList());
        }
        chart.getStyler().setLegendVisible(true);
        return chart;
    }

    private static CategoryChart ratings(Map<Double, Long> counts) {
        CategoryChart chart = chart("Rating distribution (scored opinions)", "score", "opinions");
        chart.addSeries("opinions", labels(counts, d -> d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString()),
                new ArrayList<>(counts.values()));
        return chart;
    }

    private static CategoryChart chart(String title, String x, String y) {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(480).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("#.####");
        return chart;
    }

    private static void save(CategoryChart chart, Path dir, String name, List<String> written) throws IOException {
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapFormat.PNG);
        written.add(name);
    }

    private static List<String> labels(Map<Double, Long> counts, Function<Double, String> label) {
        return counts.keySet().stream().map(label).toList();
    }

}
