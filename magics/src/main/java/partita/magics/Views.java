package partita.magics;

import java.util.List;

import partita.magics.render.Html;
import partita.magics.render.Rendered;

/** Turns renderer output into what a magic returns or displays. */
final class Views {

    private Views() {
    }

    static Output output(Rendered... parts) {
        Rendered all = Rendered.concat(parts);
        return Output.of(all.text(), all.html());
    }

    static Output output(List<Rendered> parts) {
        return output(parts.toArray(Rendered[]::new));
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
