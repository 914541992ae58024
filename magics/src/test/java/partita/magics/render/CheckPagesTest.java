package partita.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes the pages that notebooks/tools/check_html.py opens in Chromium, and a notebook
 * file to export with nbconvert first (notebooks/tools/check_render.sh does both), and checks
 * what can be checked without a browser: one copy of plotly.js per page (none in the notebook,
 * whose charts fetch it from the Jupyter server), no injected markup.
 */
class CheckPagesTest {

    static final Path DIR = Path.of("target", "render-check");

    @Test
    void writesPagesWithPlotlyOnce() {
        String plain = CheckPages.plain(CheckPages.outputs(PlotlyBundle.newPage("plain")), "");
        String amd = CheckPages.plain(CheckPages.outputs(PlotlyBundle.newPage("amd")), CheckPages.AMD_LOADER);
        String live = CheckPages.live(CheckPages.outputs(PlotlyBundle.newPage("live")));
        for (String page : List.of(plain, amd, live)) {
            assertEquals(1, count(page, "bundled by Partita: loaded once per page"));
            assertFalse(page.contains("<script>window.__pwned"), "a label injected a script element");
        }
        CheckPages.write(DIR.resolve("charts.html"), plain);
        CheckPages.write(DIR.resolve("charts-amd.html"), amd);
        CheckPages.write(DIR.resolve("charts-live.html"), live);
        // what a kernel session writes: no library in the file, fetched from the Jupyter server
        String notebook = CheckPages.notebook(CheckPages.outputs(PlotlyBundle.servedPage("nb")));
        assertEquals(0, count(notebook, "bundled by Partita: loaded once per page"));
        assertTrue(notebook.length() < 300_000, "a notebook of 7 charts: " + notebook.length());
        CheckPages.write(DIR.resolve("charts.ipynb"), notebook);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
