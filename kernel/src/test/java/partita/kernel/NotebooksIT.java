package partita.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The tutorials and the workshop (notebooks/*.ipynb) on the installed kernel, through
 * notebooks/tools/run_notebooks.py: each runs twice without an error (workshop exercises
 * excepted by tag), gives the same numbers both times, and its HTML export draws every chart
 * in headless Chromium. Executed notebooks, exports and screenshots land in target/it/notebooks.
 */
class NotebooksIT {

    @Test
    void everyNotebookRunsCleanlyTwiceAndDrawsItsCharts() throws IOException {
        var root = Jupyter.MODULE.getParent();
        List<String> command = List.of(Jupyter.python(), root.resolve("notebooks/tools/run_notebooks.py").toString(),
                "--jupyter-path", Jupyter.install().toString(), "--out", Jupyter.WORK.resolve("notebooks").toString());
        Jupyter.Run run = Jupyter.jupyter(command, null, 3600);
        String report = run.stdout() + run.stderr();
        assertEquals(0, run.exitCode(), report);
        long notebooks;
        try (var files = java.nio.file.Files.list(root.resolve("notebooks"))) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).count();
        }
        assertTrue(report.contains("run_notebooks: " + notebooks + " notebooks, 0 problem(s)"), report);
    }
}
