package partita.magics.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The static SVG renditions, drawn from the same specs as the plotly figures so that a
 * notebook viewer without scripts shows the same chart, with values as labels and tooltips.
 */
final class StaticCharts {

    static final int WIDTH = 720;
    private static final double CHAR_WIDTH = 6.3;
    private static final String INK = "#2b3540";
    /** Small value labels with a white outline, legible where they cross bars or lines. */
    private static final String HALO = "font-size=\"10\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"";

    private StaticCharts() {
    }

    /** One bar series; {@code base} (floating bars), per-bar colours and labels are optional. */
    record Series(String name, String color, double[] values, double[] base, String[] colors, String[] labels,
                  String[] tooltips) {

        double bottom(int i) {
            double b = base == null ? 0 : base[i];
            return Math.min(b, b + values[i]);
        }

        double top(int i) {
            double b = base == null ? 0 : base[i];
            return Math.max(b, b + values[i]);
        }
    }

    /** Bars per category, grouped by series, with an optional line on a right-hand axis. */
    record Bars(String title, String yTitle, List<String> categories, List<Series> series, Series line,
                String lineTitle, int height) {
    }

    static String bars(Bars spec) {
        int n = spec.categories().size();
        boolean withLine = spec.line() != null;
        double left = 66;
        double right = withLine ? 66 : 24;
        double top = 50;
        double band = (WIDTH - left - right) / n;
        XLabels labels = XLabels.fit(spec.categories(), band);
        double bottom = spec.height() - labels.space;
        Svg svg = new Svg(WIDTH, spec.height(), spec.title());
        title(svg, spec.title());

        double lo = 0;
        double hi = 0;
        for (Series s : spec.series()) {
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(s.values()[i])) {
                    lo = Math.min(lo, s.bottom(i));
                    hi = Math.max(hi, s.top(i));
                }
            }
        }
        Scale y = Scale.of(lo, hi, bottom, top);
        yAxis(svg, y, left, WIDTH - right, spec.yTitle(), false);

        int groups = spec.series().size();
        double groupWidth = band * (groups == 1 ? 0.7 : 0.8);
        double barWidth = groupWidth / groups;
        boolean valueLabels = barWidth >= 20 && n * groups <= 40;
        for (int g = 0; g < groups; g++) {
            Series s = spec.series().get(g);
            for (int i = 0; i < n; i++) {
                double v = s.values()[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x = left + i * band + (band - groupWidth) / 2 + g * barWidth;
                double y1 = y.px(s.top(i));
                double y0 = y.px(s.bottom(i));
                String color = s.colors() == null ? s.color() : s.colors()[i];
                svg.rect(x + 0.5, y1, barWidth - 1, Math.max(y0 - y1, 0.5), color, s.tooltips()[i]);
                if (valueLabels) {
                    boolean down = s.base() == null && v < 0;
                    svg.text(x + barWidth / 2, down ? y0 + 11 : y1 - 3, s.labels()[i], "middle", INK, 0, HALO);
                }
            }
        }
        if (withLine) {
            lineOnRightAxis(svg, spec, left, band, bottom, top);
        }
        labels.draw(svg, spec.categories(), left, band, bottom);
        List<String[]> legend = new ArrayList<>();
        if (groups > 1 || withLine) {
            spec.series().forEach(s -> legend.add(new String[] {s.name(), s.color()}));
        }
        if (withLine) {
            legend.add(new String[] {spec.line().name(), spec.line().color()});
        }
        legend(svg, legend);
        return svg.close();
    }

    private static void lineOnRightAxis(Svg svg, Bars spec, double left, double band, double bottom, double top) {
        Series line = spec.line();
        double hi = 0;
        double lo = 0;
        for (double v : line.values()) {
            if (Double.isFinite(v)) {
                hi = Math.max(hi, v);
                lo = Math.min(lo, v);
            }
        }
        Scale y2 = Scale.of(lo, hi, bottom, top);
        double axisX = WIDTH - 66;
        for (double t : y2.ticks()) {
            svg.text(axisX + 6, y2.px(t) + 4, Scale.label(t), "start", line.color(), 0, "");
        }
        svg.text(WIDTH - 12, (top + bottom) / 2, spec.lineTitle(), "middle", line.color(), 90, "");
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < line.values().length; i++) {
            if (Double.isFinite(line.values()[i])) {
                points.add(new double[] {left + (i + 0.5) * band, y2.px(line.values()[i]), i});
            }
        }
        svg.polyline(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray(),
                line.color(), 2);
        for (double[] p : points) {
            int i = (int) p[2];
            svg.circle(p[0], p[1], 4, line.color(), line.tooltips()[i]);
            svg.text(p[0] + 6, p[1] - 6, line.labels()[i], "start", line.color(), 0, HALO);
        }
    }

    /** A feature x segment grid of coloured cells with the value written in each. */
    static String heatmap(String title, List<String> rows, List<String> columns, double[][] values, String[][] cells,
                          String[][] tooltips) {
        int longest = rows.stream().mapToInt(String::length).max().orElse(1);
        double left = Math.min(200, Math.max(80, Math.min(longest, 30) * CHAR_WIDTH + 16));
        double cellWidth = Math.min(110, (WIDTH - left - 20) / columns.size());
        XLabels labels = XLabels.fit(columns, cellWidth);
        double top = 40 + labels.space;
        double cellHeight = 22;
        int height = (int) Math.ceil(top + rows.size() * cellHeight + 16);
        Svg svg = new Svg(WIDTH, height, title);
        title(svg, title);
        double lo = 0;
        double hi = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            double y = top + r * cellHeight;
            svg.text(left - 6, y + cellHeight / 2 + 4, Svg.clip(rows.get(r), 30), "end");
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                double t = !Double.isFinite(v) || hi == lo ? 0 : (v - lo) / (hi - lo);
                String fill = Double.isFinite(v) ? blend(t) : "#eef0f3";
                double x = left + c * cellWidth;
                svg.rect(x + 0.5, y + 0.5, cellWidth - 1, cellHeight - 1, fill, tooltips[r][c]);
                svg.text(x + cellWidth / 2, y + cellHeight / 2 + 4, cells[r][c], "middle", t > 0.55 ? "#ffffff" : INK,
                        0, "font-size=\"10.5\"");
            }
        }
        labels.drawAbove(svg, columns, left, cellWidth, top - 6);
        return svg.close();
    }

    /** Horizontal steps (one per leaf) joined by dashed risers at the cut points. */
    static String steps(String title, String xTitle, double[] lower, double[] upper, double[] score,
                        String[] tooltips) {
        int height = 340;
        double left = 66;
        double right = 24;
        double top = 44;
        double bottom = height - 46;
        Svg svg = new Svg(WIDTH, height, title);
        title(svg, title);
        double lo = 0;
        double hi = 0;
        for (double s : score) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        Scale y = Scale.of(lo, hi, bottom, top);
        yAxis(svg, y, left, WIDTH - right, "score", true);
        Scale x = Scale.of(lower[0], upper[upper.length - 1], left, WIDTH - right);
        Scale xFit = new Scale(lower[0], upper[upper.length - 1], x.step(), left, WIDTH - right);
        for (double t : x.ticks()) {
            if (t >= xFit.min() - 1e-12 && t <= xFit.max() + 1e-12) {
                svg.line(xFit.px(t), bottom, xFit.px(t), bottom + 4, Svg.AXIS, 1, false);
                svg.text(xFit.px(t), bottom + 16, Scale.label(t), "middle", Svg.AXIS, 0, "");
            }
        }
        svg.text((left + WIDTH - right) / 2, height - 8, xTitle, "middle", Svg.AXIS, 0, "");
        for (int i = 0; i < score.length; i++) {
            double x1 = xFit.px(lower[i]);
            double x2 = xFit.px(upper[i]);
            double yy = y.px(score[i]);
            if (i > 0) {
                svg.line(x1, y.px(score[i - 1]), x1, yy, "#2f6fde", 1.2, true);
            }
            svg.rect(x1, yy - 1.5, x2 - x1, 3, "#2f6fde", tooltips[i]);
        }
        return svg.close();
    }

    private static void title(Svg svg, String title) {
        svg.text(12, 20, Svg.clip(title, 100), "start", INK, 0, "font-size=\"14\" font-weight=\"600\"");
    }

    /** Left axis: ticks, labels, light grid lines and a rotated title; a zero line if inside. */
    private static void yAxis(Svg svg, Scale y, double left, double right, String title, boolean zeroLine) {
        for (double t : y.ticks()) {
            double py = y.px(t);
            svg.line(left, py, right, py, t == 0 ? Svg.AXIS : Svg.GRID, 1, false);
            svg.text(left - 6, py + 4, Scale.label(t), "end", Svg.AXIS, 0, "");
        }
        if (zeroLine && y.min() < 0 && y.max() > 0) {
            svg.line(left, y.px(0), right, y.px(0), Svg.AXIS, 1, false);
        }
        double mid = (y.pixelFrom() + y.pixelTo()) / 2;
        svg.text(16, mid, title, "middle", Svg.AXIS, -90, "");
    }

    private static void legend(Svg svg, List<String[]> entries) {
        double x = 12;
        for (String[] entry : entries) {
            svg.rect(x, 31, 10, 10, entry[1], null);
            String name = Svg.clip(entry[0], 30);
            svg.text(x + 14, 40, name, "start");
            x += 14 + name.length() * CHAR_WIDTH + 16;
        }
    }

    /** White to Partita blue, t in [0, 1]. */
    private static String blend(double t) {
        int[] from = {0xf4, 0xf8, 0xfd};
        int[] to = {0x1f, 0x4e, 0x9c};
        StringBuilder hex = new StringBuilder("#");
        for (int k = 0; k < 3; k++) {
            hex.append(String.format("%02x", Math.round(from[k] + t * (to[k] - from[k]))));
        }
        return hex.toString();
    }

    /** Category labels: horizontal when they fit their band, else rotated and clipped. */
    private record XLabels(boolean rotated, int maxChars, double space) {

        static XLabels fit(List<String> labels, double band) {
            int longest = labels.stream().mapToInt(String::length).max().orElse(1);
            int fits = (int) Math.floor(band / CHAR_WIDTH);
            if (longest <= fits) {
                return new XLabels(false, fits, 30);
            }
            int maxChars = Math.min(longest, 20);
            return new XLabels(true, maxChars, 22 + maxChars * CHAR_WIDTH * 0.62);
        }

        void draw(Svg svg, List<String> labels, double left, double band, double bottom) {
            svg.line(left, bottom, left + band * labels.size(), bottom, Svg.AXIS, 1, false);
            for (int i = 0; i < labels.size(); i++) {
                double x = left + (i + 0.5) * band;
                String label = Svg.clip(labels.get(i), maxChars);
                if (rotated) {
                    svg.text(x, bottom + 12, label, "end", INK, -38, "");
                } else {
                    svg.text(x, bottom + 16, label, "middle");
                }
            }
        }

        void drawAbove(Svg svg, List<String> labels, double left, double band, double baseline) {
            for (int i = 0; i < labels.size(); i++) {
                double x = left + (i + 0.5) * band;
                String label = Svg.clip(labels.get(i), maxChars);
                if (rotated) {
                    svg.text(x, baseline, label, "start", INK, -38, "");
                } else {
                    svg.text(x, baseline, label, "middle");
                }
            }
        }
    }
}
