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

    private Charts() {}

    /** Writes the charts and returns their file names, in report order. */
    static List<String> write(EvaluationResult r, Path dir) throws IOException {
        // Batch runs have no display; AWT must know before its first class loads.
        System.setProperty("java.awt.headless", "true");
        List<String> written = new ArrayList<>();
        save(perModel(r, "rmse", "RMSE (own scale, lower is better)"), dir, RMSE, written);
        save(perModel(r, "ndcg_at_10", "NDCG@10 (higher is better)"), dir, NDCG, written);
        save(ratings(r.scoreCounts()), dir, RATINGS, written);
        Map<String, Object> trust = Summaries.trust(r.folds(), false);
        if (trust != null) {
            save(trust(trust), dir, TRUST, written);
        }
        return written;
    }

    private static CategoryChart perModel(EvaluationResult r, String metric, String title) {
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> sds = new ArrayList<>();
        for (String m : EvaluationResult.MODELS) {
            double[] v = Summaries.perFold(r.folds(), m, metric);
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

    private static CategoryChart ratings(Map<Double, Long> counts) {
        CategoryChart chart = chart("Rating distribution (scored opinions)", "score", "opinions");
        chart.addSeries("opinions", labels(counts, d -> d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString()),
                new ArrayList<>(counts.values()));
        return chart;
    }

    private static CategoryChart trust(Map<String, Object> t) {
        CategoryChart chart = chart("Trust: truster's liked held-out films in the top 10", "list", "mean over edges");
        List<String> lists = List.of("trustee", "popularity", "model");
        chart.addSeries("NDCG@10", lists, List.of(d(t, "trustee_ndcg_at_10"), d(t, "popularity_ndcg_at_10"),
                d(t, "model_ndcg_at_10")));
        chart.addSeries("hit@10", lists, List.of(d(t, "trustee_hit_at_10"), d(t, "popularity_hit_at_10"),
                d(t, "model_hit_at_10")));
        chart.getStyler().setLegendVisible(true);
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

    private static double d(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? 0 : ((Number) v).doubleValue();
    }
}
