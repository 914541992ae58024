package partita.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The rendering checks in headless Chromium (notebooks/tools): the chart test pages written by
 * the magics module's CheckPagesTest (plain, AMD loader, live-notebook insertion, nbconvert
 * export, scripts off) all draw, and the checker itself fails bad pages.
 */
class BrowserCheckIT {

    private static final Path ROOT = Jupyter.MODULE.getParent();

    @Test
    void chartTestPagesDrawOfflineAndStaticSvgStaysReadable() throws IOException {
        Jupyter.Run run = Jupyter.jupyter(List.of("bash", ROOT.resolve("notebooks/tools/check_render.sh").toString()), null, 900);
        String report = run.stdout() + run.stderr();
        assertEquals(0, run.exitCode(), report);
        assertTrue(report.contains("check_html: 4 passed, 0 failed") && report.contains("check_html: 1 passed, 0 failed"), report);
    }

    @Test
    void theCheckerFailsBadPages() throws IOException {
        Jupyter.Run run = Jupyter.jupyter(List.of(Jupyter.python(), "-m", "unittest", "discover", "-s",
                ROOT.resolve("notebooks/tools").toString(), "-p", "test_*.py"), null, 900);
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    }
}
