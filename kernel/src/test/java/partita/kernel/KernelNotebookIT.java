package partita.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static partita.kernel.ExecutedNotebook.data;
import static partita.kernel.ExecutedNotebook.joined;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import partita.PartitaException;

/**
 * Executes src/test/notebooks/kernel-check.ipynb with {@code jupyter nbconvert --execute
 * --allow-errors} on the installed kernel and checks every cell's outputs.
 */
class KernelNotebookIT {

    private static ExecutedNotebook run;

    @BeforeAll
    static void execute() throws IOException {
        run = ExecutedNotebook.execute("kernel-check");
    }

    @Test
    void magicsShowTextAndHtml() {
        JsonNode info = run.only("%partita");
        assertTrue(data(info, "text/plain").startsWith("Partita 0.1.0"), info.toString());
        assertTrue(data(info, "text/plain").contains("\n%train / %%train "), info.toString());
        assertTrue(data(info, "text/html").contains("<caption>Partita 0.1.0"), info.toString());
        assertTrue(data(info, "text/html").contains("<tr><td>%columns</td><td>Lists the columns"), info.toString());

        JsonNode columns = run.only("%columns data=../../../../notebooks/data/adult.csv as=cols");
        assertTrue(data(columns, "text/plain").startsWith("adult.csv: 32561 rows, 15 columns\ncolumn          type     missing\n"
                + "--------------  -------  -------\nage             INTEGER        0\n"), columns.toString());
        assertTrue(data(columns, "text/plain").endsWith("Column names bound to cols (List<String>).\n"), columns.toString());
        assertTrue(data(columns, "text/html").contains("<tr><td>income</td><td>STRING</td><td class=\"partita-num\">0</td></tr>"),
                columns.toString());
    }

    @Test
    void javaCellsUseBoundResultsAndPartitaImports() {
        assertEquals("15", run.result("cols.size()"));
        assertEquals("32561", run.result("Table adult = Table.read().csv(\"../../../../notebooks/data/adult.csv\");\n"
                + "adult.rowCount()"));
        assertEquals("income", run.result("adultColumns.get(14)"));
        assertEquals("age", run.result("interpolated.get(0)"));
        assertEquals("false", run.result("partita.magics.Cancellation.current().isCancelled()"));
        assertEquals("partita.model.XClassifier partita.PartitaException",
                run.result("XClassifier.class.getName() + \" \" + PartitaException.class.getName()"));
        assertEquals("<b>shown by display()</b>", data(run.outputs("display(\"<b>shown by display()</b>\");").get(0), "text/html"));
    }

    @Test
    void badInputIsAOneParagraphErrorAndLaterCellsRun() {
        assertEquals("PartitaException: Unknown %columns key 'dta'. Did you mean: data? Valid %columns keys: data, as.",
                run.error("%columns dta=adult", 1));
        assertEquals("PartitaException: Unknown notebook variable 'adlt'. Did you mean: adult? Valid notebook variables: "
                + "adult. Give a variable holding a Table, or a CSV path.", run.error("%columns data=adlt", 1));
        assertEquals("PartitaException: data=notATable holds a String, not a Table. Give a variable holding a tablesaw "
                + "Table, or a CSV path.", run.error("%columns data=notATable", 1));
        assertEquals("AssertionError: self-check: an unexpected Error inside a magic", run.error("%partita check=error", 2));
        assertEquals("2", run.result("1 + 1"));
        assertEquals("NumberFormatException: For input string: \"x1\"", run.only("Integer.parseInt(\"x1\")").get("ename")
                .asText() + ": " + run.only("Integer.parseInt(\"x1\")").get("evalue").asText());
    }

    @Test
    void outputOfJavaAndOfMagicsReachesTheCell() {
        JsonNode java = run.only("System.out.println(\"printed by Java\");");
        assertEquals("stream", java.get("output_type").asText());
        assertEquals("printed by Java\n", joined(java.get("text")));
        JsonNode bash = run.only("%%bash\necho printed by a magic");
        assertEquals("printed by a magic\n", joined(bash.get("text")));
    }

    @Test
    void progressIsOneDisplayUpdatedInPlace() {
        List<JsonNode> outputs = run.outputs("%partita check=progress steps=5 step_ms=20");
        assertEquals(2, outputs.size(), outputs.toString());
        assertEquals("display_data", outputs.get(0).get("output_type").asText());
        assertEquals("Self-check · done  [########################]  5/5  100%", data(outputs.get(0), "text/plain"));
        assertTrue(data(outputs.get(0), "text/html").contains("<progress value=\"1\" max=\"1\">100%</progress>"));
        assertEquals("Self-check passed: 5 steps shown in place.\n", data(outputs.get(1), "text/plain"));
    }

    @Test
    void helpListsPartitaMagics() {
        assertTrue(data(run.only("%columns ?"), "text/plain").startsWith("%columns data= [as=]\n  Lists the columns"));
        String help = data(run.only("%help"), "text/plain");
        assertTrue(help.contains("%partita (Partita)") && help.contains("%columns (Partita)") && help.contains("%train (Partita)"),
                help);
        assertTrue(help.contains("Magic which displays help for all the magic tools."), help);
    }

    @Test
    void nothingLeaksIntoCellsOrTheConsole() {
        run.notebook.get("cells").forEach(cell -> assertFalse(cell.toString().contains("SLF4J"), cell.toString()));
        for (String line : run.console.split("\n")) {
            assertFalse(line.contains("INFO") && !line.startsWith("[NbConvertApp]"), run.console);
            assertFalse(line.contains("SLF4J"), run.console);
        }
    }
}
