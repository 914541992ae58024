package partita.magics;

import java.util.List;

/** Renders a magic's help (text and HTML) from its spec. */
final class Help {

    private Help() {
    }

    /** Lines of {@code key=  help} used by {@code %help} and the text help. */
    static List<String> keyLines(MagicSpec spec) {
        int width = spec.keys().stream().mapToInt(k -> k.name().length()).max().orElse(0) + 2;
        return spec.keys().stream().map(k -> "  " + padded(k.name() + "=", width) + k.help() + notes(k)).toList();
    }

    static Output of(MagicSpec spec) {
        StringBuilder text = new StringBuilder();
        text.append(spec.lineSyntax()).append("\n  ").append(spec.summary()).append("\n");
        if (!spec.keys().isEmpty()) {
            text.append("Keys:\n");
            keyLines(spec).forEach(l -> text.append(l).append("\n"));
        }
        if (spec.hasCellForm()) {
            text.append("Cell form:\n");
            spec.cellSyntax().forEach(l -> text.append("  ").append(l).append("\n"));
            text.append("  ").append(spec.body().help()).append("\n");
        }
        if (!spec.examples().isEmpty()) {
            text.append("Examples:\n");
            spec.examples().forEach(e -> text.append("  ").append(e).append("\n"));
        }

        StringBuilder html = new StringBuilder("<div class=\"partita-help\">");
        html.append("<p><code>").append(Html.escape(spec.lineSyntax())).append("</code><br>")
                .append(Html.escape(spec.summary())).append("</p>");
        if (!spec.keys().isEmpty()) {
            html.append("<table><thead><tr><th style=\"text-align:left\">key</th><th style=\"text-align:left\">meaning</th>"
                    + "</tr></thead><tbody>");
            for (Key k : spec.keys()) {
                html.append("<tr><td><code>").append(Html.escape(k.name())).append("=</code></td><td style=\"text-align:left\">")
                        .append(Html.escape(k.help() + notes(k))).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        if (spec.hasCellForm()) {
            html.append("<p>Cell form:<br>");
            spec.cellSyntax().forEach(l -> html.append("<code>").append(Html.escape(l)).append("</code><br>"));
            html.append(Html.escape(spec.body().help())).append("</p>");
        }
        if (!spec.examples().isEmpty()) {
            html.append("<p>Examples:</p><pre>").append(Html.escape(String.join("\n", spec.examples()))).append("</pre>");
        }
        html.append("</div>");
        return Output.of(text.toString(), html.toString());
    }

    private static String notes(Key k) {
        if (k.isRequired()) {
            return " (required)";
        }
        return k.defaultValue() == null || k.kind() == Key.Kind.BINDING ? "" : " (default " + k.defaultValue() + ")";
    }

    private static String padded(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
