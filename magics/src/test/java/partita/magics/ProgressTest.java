package partita.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import partita.magics.render.Rendered;

class ProgressTest {

    /** Keeps what the kernel would send, as (kind, display id, text). */
    private static final class Recorded implements Display {
        final List<String> events = new ArrayList<>();

        @Override
        public void show(Rendered output, String displayId) {
            events.add("show " + displayId + " " + output.text());
        }

        @Override
        public void update(Rendered output, String displayId) {
            events.add("update " + displayId + " " + output.text());
        }
    }

    @Test
    void showsOnceThenUpdatesInPlaceAndAlwaysShowsTheEnd() {
        Recorded display = new Recorded();
        Progress progress = new Progress(display, "Training", 4);
        for (String s : List.of("North", "South", "East", "West")) {
            progress.advance(s);
        }
        progress.finish("4 trained");
        progress.advance("late");

        String id = display.events.get(0).split(" ")[1];
        assertTrue(id.startsWith("partita-progress-"));
        assertEquals("show " + id + " Training  [........................]  0/4  0%", display.events.get(0));
        assertEquals("update " + id + " Training · 4 trained  [########################]  4/4  100%",
                display.events.get(display.events.size() - 1));
        assertTrue(display.events.stream().skip(1).allMatch(e -> e.startsWith("update " + id)));
        assertEquals(4, progress.done());
    }

    @Test
    void stopKeepsTheCountAndSaysWhy() {
        Recorded display = new Recorded();
        Progress progress = new Progress(display, "Training", 10);
        progress.advance("North");
        progress.advance("South");
        progress.stop("interrupted");
        Rendered last = progress.render();
        assertEquals("Training · interrupted  [####....................]  2/10  20%", last.text());
        assertTrue(last.html().contains("<progress value=\"0.2\" max=\"1\">20%</progress>"), last.html());
        assertTrue(display.events.get(display.events.size() - 1).endsWith("Training · interrupted  [####....................]  2/10  20%"));
    }
}
