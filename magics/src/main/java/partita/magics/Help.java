package partita.magics;

import java.util.ArrayList;
import java.util.List;

import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Renders a magic's help (text and HTML) from its spec. */
final class Help {

    private Help() {
    }

    /** Lines of {@code key=  help} used by {@code %help} and the text help. */
    static List<String> keyLines(MagicSpec spec) {
        int width = spec.keys().stream().mapToInt(k -> k.name().length()).max().orElse(0) + 3;
        return spec.keys().stream().map(k -> "  " + padded(k.name() + "=", width) + k.help() + notes(k)).toList();
    }

    /**
     * Lines for rapaio's {@code %help}, which indents only the first line of a documentation
     * block: the others get the same indent here, so the keys line up.
     */
    static List<String> continued(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(i == 0 ? lines.get(i) : "    " + lines.get(i));
        }
        return out;
    }

    static Rendered of(MagicSpec spec) {
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

        List<Rendered> html = new ArrayList<>();
        html.add(Views.paragraph(spec.summary()));
        Table keys = Table.create("keys", StringColumn.create("key", spec.keys().stream().map(k -> k.name() + "=")),
                StringColumn.create("meaning", spec.keys().stream().map(k -> k.help() + notes(k))));
        html.add(TableView.of(keys).maxRows(Integer.MAX_VALUE).caption(spec.lineSyntax()).render());
        if (spec.hasCellForm()) {
            html.add(Views.paragraph("Cell form: " + String.join("  then  ", spec.cellSyntax()) + ". " + spec.body().help()));
        }
        if (!spec.examples().isEmpty()) {
            html.add(Views.paragraph("Examples: " + String.join("  |  ", spec.examples())));
        }
        return new Rendered(text.toString(), Rendered.concat(html.toArray(Rendered[]::new)).html());
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
