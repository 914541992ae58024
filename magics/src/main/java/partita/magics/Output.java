package partita.magics;

import org.rapaio.jupyter.kernel.display.DisplayData;
import partita.magics.render.Html;

/**
 * What a magic shows: every output carries text/plain (for consoles, nbconvert text, tests)
 * and text/html (for notebooks). Return one from {@link PartitaMagic#run} or pass it to
 * {@link MagicCall#display}.
 */
public record Output(String text, String html) {

    public Output {
        if (text == null || html == null) {
            throw new IllegalArgumentException("an Output needs both text and html");
        }
    }

    public static Output of(String text, String html) {
        return new Output(text, html);
    }

    /** Plain text shown as preformatted HTML too. */
    public static Output text(String text) {
        return new Output(text, "<pre>" + Html.escape(text) + "</pre>");
    }

    public DisplayData toDisplayData() {
        DisplayData dd = DisplayData.fromText(text);
        dd.putHTML(html);
        return dd;
    }
}
