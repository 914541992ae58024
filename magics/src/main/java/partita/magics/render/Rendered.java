package partita.magics.render;

import java.util.Objects;

/**
 * One notebook output in the two forms every Partita output carries: text/plain (aligned, for
 * consoles, logs and diffs) and text/html (tables and charts, readable without scripts).
 */
public record Rendered(String text, String html) {

    public Rendered {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    /** Joins outputs into one: texts separated by a blank line, html fragments in order. */
    public static Rendered concat(Rendered... parts) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (Rendered part : parts) {
            if (!part.text.isEmpty()) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(part.text);
            }
            html.append(part.html);
        }
        return new Rendered(text.toString(), html.toString());
    }

    /** This output followed by {@code next}. */
    public Rendered then(Rendered next) {
        return concat(this, next);
    }
}
