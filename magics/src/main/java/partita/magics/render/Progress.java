package partita.magics.render;

/** A progress bar (e.g. segments fitted so far) as text and as an html {@code <progress>}. */
public final class Progress {

    private static final int TEXT_WIDTH = 24;

    private Progress() {
    }

    /** {@code value} of {@code total} done, with a label such as the segment being fitted. */
    public static Rendered render(long value, long total, String label) {
        if (total < 0 || value < 0 || value > total) {
            throw new IllegalArgumentException("progress needs 0 <= value <= total, got " + value + " of " + total);
        }
        double fraction = total == 0 ? 1.0 : (double) value / total;
        String percent = Math.round(100 * fraction) + "%";
        String count = value + "/" + total;
        String name = label == null ? "" : label;
        int filled = (int) Math.floor(fraction * TEXT_WIDTH);
        String text = (name.isEmpty() ? "" : name + "  ") + "[" + "#".repeat(filled)
                + ".".repeat(TEXT_WIDTH - filled) + "]  " + count + "  " + percent;
        String html = "<div class=\"partita-progress\"><progress value=\"" + Numbers.format(fraction, 3)
                + "\" max=\"1\">" + percent + "</progress><span>" + Html.escape(name) + (name.isEmpty() ? "" : " · ")
                + count + " (" + percent + ")</span></div>\n";
        return new Rendered(text, Html.block(html));
    }
}
