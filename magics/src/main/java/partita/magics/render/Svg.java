package partita.magics.render;

import java.util.Locale;

/**
 * A tiny SVG writer for the static chart renditions: shapes in pixel coordinates, text
 * escaped, an optional tooltip ({@code <title>}) on each shape.
 */
final class Svg {

    static final String FONT = "font-family=\"-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif\"";
    static final String AXIS = "#6b7785";
    static final String GRID = "#e3e7ec";

    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\" ").append(FONT)
                .append(" font-size=\"11\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, w))).append("\" height=\"").append(n(Math.max(0, h)))
                .append("\" fill=\"").append(fill).append('"');
        return closeWithTooltip("rect", tooltip);
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(width)).append('"').append(dashed ? " stroke-dasharray=\"3 3\"" : "").append("/>\n");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke, double width) {
        out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(width))
                .append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        out.append("\"/>\n");
        return this;
    }

    Svg circle(double x, double y, double r, String fill, String tooltip) {
        out.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append('"');
        return closeWithTooltip("circle", tooltip);
    }

    /** Text at (x, y); anchor is start, middle or end; a non-zero angle rotates about (x, y). */
    Svg text(double x, double y, String text, String anchor, String fill, double angle, String extra) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" fill=\"").append(fill).append('"');
        if (angle != 0) {
            out.append(" transform=\"rotate(").append(n(angle)).append(' ').append(n(x)).append(' ').append(n(y))
                    .append(")\"");
        }
        if (!extra.isEmpty()) {
            out.append(' ').append(extra);
        }
        out.append('>').append(Html.escape(text)).append("</text>\n");
        return this;
    }

    Svg text(double x, double y, String text, String anchor) {
        return text(x, y, text, anchor, "#2b3540", 0, "");
    }

    private Svg closeWithTooltip(String element, String tooltip) {
        if (tooltip == null) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(Html.escape(tooltip)).append("</title></").append(element).append(">\n");
        }
        return this;
    }

    String close() {
        return out + "</svg>\n";
    }

    /** Coordinates with one decimal keep the markup small. */
    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** A label cut to {@code max} characters with an ellipsis. */
    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }
}
