package partita.magics.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The charts the magics show, from plain inputs (the records below), each as a {@link Chart}:
 * a tablesaw-jsplot figure, a static SVG of the same data and a text table.
 */
public final class Charts {

    /** One segment of a partition: its row count and its target rate (or target mean). */
    public record SegmentSize(String segment, long rows, double target) {
    }

    /** One segment's metric for the single model and for the partitioned model. */
    public record MetricPair(String segment, double single, double partitioned) {
    }

    /** A numeric leaf: values in (lower, upper] score {@code score}; bounds may be infinite. */
    public record NumericStep(double lower, double upper, double score) {
    }

    /** A categorical leaf: rows with this category score {@code score}. */
    public record CategoryStep(String category, double score) {
    }

    /** One term of a row's score, e.g. a feature's contribution. */
    public record Effect(String name, double value) {
    }

    /** One quantity before and after a change such as a refit. */
    public record BeforeAfter(String name, double before, double after) {
    }

    /** Importances: {@code values[f][s]} is feature {@code f}'s importance in segment {@code s}. */
    public record ImportanceGrid(List<String> features, List<String> segments, double[][] values) {

        public ImportanceGrid {
            features = List.copyOf(features);
            segments = List.copyOf(segments);
            if (features.isEmpty() || segments.isEmpty()) {
                throw new IllegalArgumentException("an importance grid needs at least one feature and one segment");
            }
            if (values.length != features.size()) {
                throw new IllegalArgumentException("importance grid has " + values.length + " rows of values for "
                        + features.size() + " features");
            }
            double[][] copy = new double[values.length][];
            for (int f = 0; f < values.length; f++) {
                if (values[f].length != segments.size()) {
                    throw new IllegalArgumentException("feature '" + features.get(f) + "' has " + values[f].length
                            + " values for " + segments.size() + " segments");
                }
                copy[f] = values[f].clone();
            }
            values = copy;
        }
    }

    static final String BLUE = "#2f6fde";
    static final String GREY = "#9aa5b1";
    static final String ORANGE = "#e8772e";
    static final String GREEN = "#2e9e5b";
    static final String RED = "#d64545";
    static final String SLATE = "#5a6b7b";

    private static final int TEXT_ROWS = 60;
    private static final int DATA_DIGITS = 6;
    /** Sorted keys: the same chart gives the same bytes in every run (Map.of order varies). */
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);

    private Charts() {
    }

    /** %partition: rows per segment as bars, the target rate as a line on a right-hand axis. */
    public static Chart partition(String title, String targetLabel, List<SegmentSize> segments) {
        nonEmpty(segments, "segments");
        List<String> names = segments.stream().map(SegmentSize::segment).toList();
        double[] rows = column(segments, SegmentSize::rows);
        double[] target = column(segments, SegmentSize::target);
        double total = Arrays.stream(rows).sum();
        double[] share = Arrays.stream(rows).map(r -> total == 0 ? Double.NaN : r / total).toArray();
        String[] rowTips = new String[rows.length];
        String[] targetTips = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rowTips[i] = names.get(i) + ": " + Numbers.integer(rows[i]) + " rows (" + Numbers.format(100 * share[i], 3)
                    + "%)";
            targetTips[i] = names.get(i) + ": " + targetLabel + " " + Numbers.format(target[i], 4);
        }
        StaticCharts.Series bars = new StaticCharts.Series("rows", BLUE, rows, null, null, integers(rows), rowTips);
        StaticCharts.Series line = new StaticCharts.Series(targetLabel, ORANGE, target, null, null,
                formatted(target, 3), targetTips);
        Table data = Table.create(StringColumn.create("segment", names), DoubleColumn.create("rows", rows),
                DoubleColumn.create("share", share), DoubleColumn.create(targetLabel, target));
        return bars(new StaticCharts.Bars(title, "rows", names, List.of(bars), line, targetLabel, 380), data);
    }

    /** %compare: per segment, the metric of the single model next to the partitioned one's. */
    public static Chart compare(String metric, List<MetricPair> pairs) {
        nonEmpty(pairs, "segments");
        return pairedBars(metric + " by segment: single vs partitioned", metric, "segment",
                pairs.stream().map(MetricPair::segment).toList(), "single", column(pairs, MetricPair::single),
                "partitioned", column(pairs, MetricPair::partitioned));
    }

    /** %refit and friends: each quantity before and after. */
    public static Chart beforeAfter(String title, String measure, List<BeforeAfter> changes) {
        nonEmpty(changes, "values");
        return pairedBars(title, measure, "name", changes.stream().map(BeforeAfter::name).toList(), "before",
                column(changes, BeforeAfter::before), "after", column(changes, BeforeAfter::after));
    }

    /** Two series side by side per category (grey, then blue); the text adds their difference. */
    private static Chart pairedBars(String title, String measure, String labelColumn, List<String> names,
                                    String firstName, double[] first, String secondName, double[] second) {
        double[] difference = new double[first.length];
        for (int i = 0; i < first.length; i++) {
            difference[i] = second[i] - first[i];
        }
        Table data = Table.create(StringColumn.create(labelColumn, names), DoubleColumn.create(firstName, first),
                DoubleColumn.create(secondName, second), DoubleColumn.create("difference", difference));
        return bars(new StaticCharts.Bars(title, measure, names,
                List.of(series(firstName, GREY, names, first), series(secondName, BLUE, names, second)), null, null,
                380), data);
    }

    private static <T> double[] column(List<T> items, ToDoubleFunction<T> value) {
        return items.stream().mapToDouble(value).toArray();
    }

    /** %explain of a categorical feature: one bar per category, coloured by sign. */
    public static Chart categories(String feature, List<CategoryStep> leaves, double missingScore) {
        nonEmpty(leaves, "leaves");
        List<String> names = leaves.stream().map(CategoryStep::category).toList();
        double[] score = column(leaves, CategoryStep::score);
        String[] colors = Arrays.stream(score).mapToObj(s -> s < 0 ? RED : GREEN).toArray(String[]::new);
        StaticCharts.Series bars = new StaticCharts.Series("score", GREEN, score, null, colors, formatted(score, 3),
                tooltips(names, "score", score));
        Table data = Table.create(StringColumn.create("category", names), DoubleColumn.create("score", score));
        return bars(new StaticCharts.Bars(stepsTitle(feature, missingScore), "score", names, List.of(bars), null, null,
                340), data);
    }

    /**
     * %explain of one row: a waterfall from the base value through each effect (green up, red
     * down) to the score.
     */
    public static Chart waterfall(String title, double baseValue, List<Effect> effects, double score) {
        nonEmpty(effects, "effects");
        int n = effects.size() + 2;
        List<String> names = new ArrayList<>(n);
        double[] height = new double[n];
        double[] base = new double[n];
        double[] running = new double[n];
        String[] colors = new String[n];
        String[] labels = new String[n];
        names.add("base value");
        height[0] = baseValue;
        running[0] = baseValue;
        colors[0] = SLATE;
        labels[0] = Numbers.format(baseValue, 3);
        double level = baseValue;
        for (int i = 0; i < effects.size(); i++) {
            Effect e = effects.get(i);
            names.add(e.name());
            base[i + 1] = level;
            height[i + 1] = e.value();
            level += e.value();
            running[i + 1] = level;
            colors[i + 1] = e.value() < 0 ? RED : GREEN;
            labels[i + 1] = (e.value() < 0 ? "" : "+") + Numbers.format(e.value(), 3);
        }
        names.add("score");
        height[n - 1] = score;
        running[n - 1] = score;
        colors[n - 1] = BLUE;
        labels[n - 1] = Numbers.format(score, 3);
        String[] tips = new String[n];
        for (int i = 0; i < n; i++) {
            tips[i] = names.get(i) + ": " + labels[i] + (i > 0 && i < n - 1 ? " → " + Numbers.format(running[i], 4) : "");
        }
        StaticCharts.Series bars = new StaticCharts.Series("contribution", GREEN, height, base, colors, labels, tips);
        double[] values = Arrays.copyOf(height, n);
        Table data = Table.create(StringColumn.create("term", names), DoubleColumn.create("value", values),
                DoubleColumn.create("running total", running));
        return bars(new StaticCharts.Bars(title, "score", names, List.of(bars), null, null, 380), data);
    }

    /** %explain of a numeric feature: its leaves as horizontal steps between cut points. */
    public static Chart steps(String feature, List<NumericStep> leaves, double missingScore) {
        nonEmpty(leaves, "leaves");
        List<NumericStep> sorted = leaves.stream().sorted(Comparator.comparingDouble(NumericStep::lower)).toList();
        for (NumericStep leaf : sorted) {
            if (Double.isNaN(leaf.lower()) || Double.isNaN(leaf.upper()) || !(leaf.lower() < leaf.upper())) {
                throw new IllegalArgumentException("a numeric leaf of '" + feature + "' needs lower < upper, got ("
                        + leaf.lower() + ", " + leaf.upper() + "]");
            }
        }
        int n = sorted.size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] score = new double[n];
        String[] tips = new String[n];
        for (int i = 0; i < n; i++) {
            NumericStep leaf = sorted.get(i);
            lower[i] = leaf.lower();
            upper[i] = leaf.upper();
            score[i] = leaf.score();
            tips[i] = "(" + Numbers.format(leaf.lower(), 4) + ", " + Numbers.format(leaf.upper(), 4) + "]: "
                    + Numbers.format(leaf.score(), 4);
        }
        double[][] shown = finiteBounds(lower, upper);
        String title = stepsTitle(feature, missingScore);
        String svg = StaticCharts.steps(title, feature, shown[0], shown[1], score, tips);

        double[] x = new double[n + 1];
        double[] y = new double[n + 1];
        for (int i = 0; i < n; i++) {
            x[i] = Numbers.round(shown[0][i], DATA_DIGITS);
            y[i] = Numbers.round(score[i], DATA_DIGITS);
        }
        x[n] = Numbers.round(shown[1][n - 1], DATA_DIGITS);
        y[n] = y[n - 1];
        Trace trace = ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().shape(Line.Shape.HV).color(BLUE).width(2.5).build()).build();
        String[] hover = new String[n + 1];
        for (int i = 0; i <= n; i++) {
            hover[i] = tips[Math.min(i, n - 1)];
        }
        Map<String, Object> layout = titles(title);
        layout.put("xaxis", axisTitle(feature));
        layout.put("yaxis", axisTitle("score"));
        Map<String, Object> extra = Map.of("traces", List.of(traceText("score", hover)), "layout", layout);
        Table data = Table.create(DoubleColumn.create("lower", lower), DoubleColumn.create("upper", upper),
                DoubleColumn.create("score", score));
        return new Chart(title, figure(layout(340).build(), trace), json(extra), svg, text(title, data));
    }

    /** %importance: the feature x segment heatmap, values written in the cells and on hover. */
    public static Chart importance(String title, ImportanceGrid grid) {
        List<String> features = grid.features();
        List<String> segments = grid.segments();
        double[][] values = grid.values();
        String[][] cells = new String[features.size()][segments.size()];
        String[][] tips = new String[features.size()][segments.size()];
        double[][] z = new double[features.size()][segments.size()];
        for (int f = 0; f < features.size(); f++) {
            for (int s = 0; s < segments.size(); s++) {
                cells[f][s] = Numbers.format(values[f][s], 2);
                tips[f][s] = features.get(f) + " in " + segments.get(s) + ": " + Numbers.format(values[f][s], 4);
                z[f][s] = Numbers.round(values[f][s], DATA_DIGITS);
            }
        }
        String svg = StaticCharts.heatmap(title, features, segments, values, cells, tips);
        Trace trace = HeatmapTrace.builder(plotlyTexts(segments), plotlyTexts(features), z).build();
        int longest = features.stream().mapToInt(String::length).max().orElse(1);
        int height = 140 + 24 * features.size();
        Layout layout = Layout.builder().width(StaticCharts.WIDTH).height(height)
                .margin(Margin.builder().left(Math.min(200, 20 + 7 * Math.min(longest, 30))).right(20).top(50)
                        .bottom(80).build())
                .yAxis(Axis.builder().autoRange(Axis.AutoRange.REVERSED).build()).build();
        String[][] escapedTips = Arrays.stream(tips).map(r -> Arrays.stream(r).map(Charts::plotlyText)
                .toArray(String[]::new)).toArray(String[][]::new);
        Map<String, Object> heat = new LinkedHashMap<>();
        heat.put("colorscale", List.of(List.of(0, "#f4f8fd"), List.of(1, "#1f4e9c")));
        heat.put("text", cells);
        heat.put("texttemplate", "%{text}");
        heat.put("hovertext", escapedTips);
        heat.put("hoverinfo", "text");
        heat.put("xgap", 1);
        heat.put("ygap", 1);
        Table data = Table.create(StringColumn.create("feature", features));
        for (int s = 0; s < segments.size(); s++) {
            int col = s;
            data.addColumns(DoubleColumn.create(segments.get(s),
                    Arrays.stream(values).mapToDouble(row -> row[col]).toArray()));
        }
        return new Chart(title, figure(layout, trace), json(Map.of("traces", List.of(heat), "layout", titles(title))),
                svg, text(title, data));
    }

    /** Both renditions of a bar chart from one spec. */
    private static Chart bars(StaticCharts.Bars spec, Table data) {
        Object[] x = plotlyTexts(spec.categories());
        List<Trace> traces = new ArrayList<>();
        List<Map<String, Object>> extras = new ArrayList<>();
        for (StaticCharts.Series s : spec.series()) {
            Marker marker = s.colors() == null ? Marker.builder().color(s.color()).build()
                    : Marker.builder().color(s.colors()).build();
            traces.add(BarTrace.builder(x, rounded(s.values())).marker(marker).build());
            Map<String, Object> extra = traceText(s.name(), s.tooltips());
            if (s.base() != null) {
                extra.put("base", rounded(s.base()));
            }
            extras.add(extra);
        }
        Layout.LayoutBuilder layout = layout(spec.height()).yAxis(Axis.builder().build())
                .showLegend(spec.series().size() > 1 || spec.line() != null);
        if (spec.line() != null) {
            StaticCharts.Series line = spec.line();
            traces.add(ScatterTrace.builder(StringColumn.create("x", Arrays.stream(x).map(String.class::cast).toList()),
                            DoubleColumn.create("y", rounded(line.values())))
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS).yAxis("y2")
                    .marker(Marker.builder().color(line.color()).size(8).build())
                    .line(Line.builder().color(line.color()).width(2).build()).build());
            extras.add(traceText(line.name(), line.tooltips()));
            layout.yAxis2(Axis.builder().side(Axis.Side.right).overlaying(ScatterTrace.YAxis.Y).showGrid(false).build());
        }
        // Both value axes start at zero, so the right axis' zero sits on the bars' baseline.
        // (tablesaw 0.44.4 drops Layout.barMode, hence barmode here.)
        Map<String, Object> layoutExtra = titles(spec.title());
        layoutExtra.put("barmode", "group");
        layoutExtra.put("legend", Map.of("orientation", "h", "x", 0, "y", 1.12));
        Map<String, Object> yAxis = axisTitle(spec.yTitle());
        yAxis.put("rangemode", "tozero");
        layoutExtra.put("yaxis", yAxis);
        if (spec.line() != null) {
            Map<String, Object> yAxis2 = axisTitle(spec.lineTitle());
            yAxis2.put("rangemode", "tozero");
            yAxis2.put("zeroline", false);
            layoutExtra.put("yaxis2", yAxis2);
        }
        return new Chart(spec.title(), figure(layout.build(), traces.toArray(Trace[]::new)),
                json(Map.of("traces", extras, "layout", layoutExtra)), StaticCharts.bars(spec), text(spec.title(), data));
    }

    private static Layout.LayoutBuilder layout(int height) {
        return Layout.builder().width(StaticCharts.WIDTH).height(height)
                .margin(Margin.builder().left(66).right(66).top(60).bottom(80).build());
    }

    /*
     * Titles and names go to plotly through the extra attributes (JSON), not through tablesaw:
     * its template html-escapes them into JS strings, and plotly then shows "&quot;" as is.
     */

    private static Map<String, Object> titles(String title) {
        Map<String, Object> layout = new LinkedHashMap<>();
        // Left-aligned, as in the static rendition, clear of plotly's mode bar on the right.
        layout.put("title", Map.of("text", plotlyText(title), "x", 0.01, "xanchor", "left"));
        return layout;
    }

    private static Map<String, Object> axisTitle(String title) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("title", Map.of("text", plotlyText(title)));
        return axis;
    }

    private static Map<String, Object> traceText(String name, String[] hover) {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("name", plotlyText(name));
        trace.put("hovertext", Arrays.stream(hover).map(Charts::plotlyText).toArray(String[]::new));
        trace.put("hoverinfo", "text");
        return trace;
    }

    private static Figure figure(Layout layout, Trace... traces) {
        return new Figure(layout, Config.builder().displayLogo(false).responsive(true).build(), traces);
    }

    private static StaticCharts.Series series(String name, String color, List<String> categories, double[] values) {
        return new StaticCharts.Series(name, color, values, null, null, formatted(values, 3),
                tooltips(categories, name, values));
    }

    private static String[] tooltips(List<String> categories, String name, double[] values) {
        String[] tips = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            tips[i] = categories.get(i) + " · " + name + ": " + Numbers.format(values[i], 4);
        }
        return tips;
    }

    private static String stepsTitle(String feature, double missingScore) {
        return feature + ": score by value" + (Double.isNaN(missingScore) ? ""
                : " (missing: " + Numbers.format(missingScore, 3) + ")");
    }

    /**
     * Infinite outer bounds drawn 15% of the finite span beyond the outermost cut point (a
     * single all-covering leaf is drawn over [0, 1]).
     */
    private static double[][] finiteBounds(double[] lower, double[] upper) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : concat(lower, upper)) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double pad = hi > lo ? 0.15 * (hi - lo) : Math.max(1, Math.abs(lo)) * 0.5;
        double[] l = lower.clone();
        double[] u = upper.clone();
        for (int i = 0; i < l.length; i++) {
            l[i] = l[i] == Double.NEGATIVE_INFINITY ? lo - pad : l[i];
            u[i] = u[i] == Double.POSITIVE_INFINITY ? hi + pad : u[i];
        }
        return new double[][] {l, u};
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String[] formatted(double[] values, int digits) {
        return Arrays.stream(values).mapToObj(v -> Numbers.format(v, digits)).toArray(String[]::new);
    }

    private static String[] integers(double[] values) {
        return Arrays.stream(values).mapToObj(Numbers::integer).toArray(String[]::new);
    }

    private static double[] rounded(double[] values) {
        return Arrays.stream(values).map(v -> Numbers.round(v, DATA_DIGITS)).toArray();
    }

    private static String text(String title, Table data) {
        return TableView.of(data).caption(title).maxRows(TEXT_ROWS).text();
    }

    private static void nonEmpty(List<?> items, String what) {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("nothing to chart: no " + what);
        }
    }

    /**
     * Text for plotly (serialised as JSON by tablesaw or here): plotly reads titles, names and
     * labels as pseudo-html, so markup characters are escaped to show literally.
     */
    static String plotlyText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('\n', ' ');
    }

    private static Object[] plotlyTexts(List<String> labels) {
        return labels.stream().map(Charts::plotlyText).toArray();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write chart attributes as JSON", e);
        }
    }
}
