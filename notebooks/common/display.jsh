// Display helpers shared by the notebooks (loaded with %load common/display.jsh). Plain Java + XChart, no Spark.
import java.awt.Color;
import java.nio.file.*;
import java.util.stream.*;
import org.knowm.xchart.*;
import org.knowm.xchart.style.*;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The repository root: $VOUCH_ROOT, else the parent of the notebook's folder. */
Path vouchRoot() {
    String env = System.getenv("VOUCH_ROOT");
    return (env != null && !env.isBlank() ? Path.of(env) : Path.of("").toAbsolutePath().getParent())
            .toAbsolutePath().normalize();
}

/** Where the notebooks keep their inputs and runs: $VOUCH_NB_WORK, else notebooks/.work/embedded. */
Path notebookWork() {
    String env = System.getenv("VOUCH_NB_WORK");
    return (env != null && !env.isBlank() ? Path.of(env) : vouchRoot().resolve("notebooks/.work/embedded"))
            .toAbsolutePath().normalize();
}

/** Shows a chart inline as a PNG. */
void show(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    display(BitmapEncoder.getBufferedImage(chart));
}

CategoryChart barChart(String title, String xTitle, String yTitle) {
    CategoryChart c = new CategoryChartBuilder().width(760).height(360).title(title).xAxisTitle(xTitle)
            .yAxisTitle(yTitle).build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setXAxisLabelRotation(45);
    c.getStyler().setAvailableSpaceFill(0.8);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    return c;
}

XYChart xyChart(String title, String xTitle, String yTitle) {
    XYChart c = new XYChartBuilder().width(760).height(420).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    return c;
}

String esc(Object o) {
    String s = o == null ? "" : o instanceof Double d ? fmt(d) : o instanceof Float f ? fmt(f) : String.valueOf(o);
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
}

String fmt(double d) {
    return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.1f" : "%.4f", d);
}

/** Shows rows as an HTML table (text/html). */
void table(List<String> header, List<? extends List<?>> rows) {
    StringBuilder sb = new StringBuilder("<table><thead><tr>");
    header.forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
    sb.append("</tr></thead><tbody>");
    for (List<?> row : rows) {
        sb.append("<tr>");
        row.forEach(v -> sb.append(v instanceof Number ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                .append(esc(v)).append("</td>"));
        sb.append("</tr>");
    }
    display("text/html", sb.append("</tbody></table>").toString());
}
