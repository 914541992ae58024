package partita.magics;

import partita.magics.render.Html;
import partita.magics.render.Rendered;

/** Turns renderer output into what a magic returns or displays. */
final class Views {

    private Views() {
    }

    /** A short paragraph (a statement, where a result was bound). */
    static Rendered paragraph(String text) {
        return new Rendered(text + "\n", "<p class=\"partita-note\">" + Html.escape(text) + "</p>");
    }

    /** "Bound to model (PartitionedClassifier)." */
    static Rendered bound(String name, Object value) {
        return paragraph("Bound to " + name + " (" + value.getClass().getSimpleName() + ").");
    }
}
