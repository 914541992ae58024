package partita.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void textBarAndHtmlProgressElement() {
        Rendered r = Progress.render(3, 12, "Own-child <3>");
        assertEquals("Own-child <3>  [######..................]  3/12  25%", r.text());
        assertTrue(r.html().contains("<progress value=\"0.25\" max=\"1\">25%</progress>"), r.html());
        assertTrue(r.html().contains("Own-child &lt;3&gt; · 3/12 (25%)"), r.html());
    }

    @Test
    void emptyAndCompleteRuns() {
        assertEquals("[########################]  0/0  100%", Progress.render(0, 0, null).text());
        assertEquals("done  [########################]  7/7  100%", Progress.render(7, 7, "done").text());
    }

    @Test
    void rejectsValuesOutsideTheTotal() {
        assertThrows(IllegalArgumentException.class, () -> Progress.render(8, 7, "x"));
        assertThrows(IllegalArgumentException.class, () -> Progress.render(-1, 7, "x"));
    }
}
