package partita.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RenderedTest {

    @Test
    void concatJoinsTextWithBlankLinesAndHtmlInOrder() {
        Rendered joined = new Rendered("a", "<p>a</p>").then(new Rendered("", "<p>x</p>")).then(new Rendered("b", "<p>b</p>"));
        assertEquals("a\n\nb", joined.text());
        assertEquals("<p>a</p><p>x</p><p>b</p>", joined.html());
        assertThrows(NullPointerException.class, () -> new Rendered(null, ""));
    }
}
