package partita.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The tutorials and the workshop (listed in notebooks/tools/notebooks.txt) on the installed kernel, through
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
        // a user's notebook saved next to the tutorials, failing on purpose: it must not be run
        var userNotebook = root.resolve("notebooks/zz-user-scratch-it.ipynb");
        java.nio.file.Files.writeString(userNotebook, "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {},"
                + " \"execution_count\": null, \"outputs\": [], \"source\": \"throw new RuntimeException();\"}],"
                + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        Jupyter.Run run;
        try {
            run = Jupyter.jupyter(command, null, 3600);
        } finally {
            java.nio.file.Files.deleteIfExists(userNotebook);
        }
        String report = run.stdout() + run.stderr();
        assertEquals(0, run.exitCode(), report);
        // the project's own notebooks only: a user's notebook saved in notebooks/ is not a test
        long notebooks = java.nio.file.Files.readAllLines(root.resolve("notebooks/tools/notebooks.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
        assertTrue(report.contains("run_notebooks: " + notebooks + " notebooks, 0 problem(s)"), report);
    }
}
