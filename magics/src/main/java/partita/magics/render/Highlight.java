package partita.magics.render;

import java.util.Locale;

/**
 * How a table row or cell is marked. The html uses a translucent background (readable in
 * light and dark themes); the text rendition uses {@link #symbol()} after a cell and
 * {@code [name]} after a row.
 */
public enum Highlight {
    /** Something needs attention: a metric over threshold, a failed segment. */
    ALERT("!"),
    /** Something not seen before: a new segment in monitoring data. */
    NEW("+"),
    /** A better value: the winner of a comparison. */
    GOOD("*"),
    /** A summary row such as {@code ALL} or {@code __dataset__}: bold, ruled above. */
    TOTAL("");

    private final String symbol;

    Highlight(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The css class, e.g. {@code partita-alert}. */
    String cssClass() {
        return "partita-" + name().toLowerCase(Locale.ROOT);
    }

    String tag() {
        return this == TOTAL ? "" : "[" + name().toLowerCase(Locale.ROOT) + "]";
    }
}
