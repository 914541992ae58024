package partita.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private static JsonNode notebook;
    private static String console;

    @BeforeAll
    static void execute() throws IOException {
        Path source = Jupyter.MODULE.resolve("src/test/notebooks/kernel-check.ipynb");
        Jupyter.Run run = Jupyter.jupyter(List.of(Jupyter.python(), "-m", "jupyter", "nbconvert", "--to", "notebook",
                "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=partita",
                "--ExecutePreprocessor.timeout=300", "--output-dir", Jupyter.WORK.toString(), "--output",
                "kernel-check.executed.ipynb", source.toString()), null, 600);
        if (run.exitCode() != 0) {
            fail("nbconvert failed:\n" + run.stderr());
        }
        notebook = Jupyter.JSON.readTree(Jupyter.WORK.resolve("kernel-check.executed.ipynb").toFile());
        console = run.stderr();
    }

    /** The outputs of the code cell whose source is exactly {@code source}. */
    private static List<JsonNode> outputs(String source) {
        for (JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("code") && joined(cell.get("source")).equals(source)) {
                List<JsonNode> list = new ArrayList<>();
                cell.get("outputs").forEach(list::add);
                return list;
            }
        }
        throw new AssertionError("no cell " + source);
    }

    private static String data(JsonNode output, String mime) {
        JsonNode value = output.get("data").get(mime);
        if (value == null) {
            throw new AssertionError("no " + mime + " in " + output);
        }
        return joined(value);
    }

    /** nbformat stores multi-line text as a list of lines. */
    private static String joined(JsonNode value) {
        StringBuilder text = new StringBuilder();
        if (value.isArray()) {
            value.forEach(line -> text.append(line.asText()));
        } else {
            text.append(value.asText());
        }
        return text.toString();
    }

    private static JsonNode only(String source) {
        List<JsonNode> outputs = outputs(source);
        assertEquals(1, outputs.size(), source + " -> " + outputs);
        return outputs.get(0);
    }

    /** The cell's result value (rapaio renders Java values as text/html). */
    private static String result(String source) {
        JsonNode output = only(source);
        assertEquals("execute_result", output.get("output_type").asText(), output.toString());
        return data(output, "text/html");
    }

    /** The cell's error as "ename: evalue", checked to be one traceback line (no stack trace) unless said. */
    private static String error(String source, int tracebackLines) {
        JsonNode output = only(source);
        assertEquals("error", output.get("output_type").asText(), output.toString());
        assertEquals(tracebackLines, output.get("traceback").size(), output.toString());
        output.get("traceback").forEach(line -> assertFalse(line.asText().contains("\tat "), output.toString()));
        return output.get("ename").asText() + ": " + output.get("evalue").asText();
    }

    @Test
    void magicsShowTextAndHtml() {
        JsonNode info = only("%partita");
        assertTrue(data(info, "text/plain").startsWith("Partita 0.1.0"), info.toString());
        assertTrue(data(info, "text/plain").contains("\n%train / %%train "), info.toString());
        assertTrue(data(info, "text/html").contains("<caption>Partita 0.1.0"), info.toString());
        assertTrue(data(info, "text/html").contains("<tr><td>%columns</td><td>Lists the columns"), info.toString());

        JsonNode columns = only("%columns data=../../../../notebooks/data/adult.csv as=cols");
        assertTrue(data(columns, "text/plain").startsWith("adult.csv: 32561 rows, 15 columns\ncolumn          type     missing\n"
                + "--------------  -------  -------\nage             INTEGER        0\n"), columns.toString());
        assertTrue(data(columns, "text/plain").endsWith("Column names bound to cols (List<String>).\n"), columns.toString());
        assertTrue(data(columns, "text/html").contains("<tr><td>income</td><td>STRING</td><td class=\"partita-num\">0</td></tr>"),
                columns.toString());
    }

    @Test
    void javaCellsUseBoundResultsAndPartitaImports() {
        assertEquals("15", result("cols.size()"));
        assertEquals("32561", result("Table adult = Table.read().csv(\"../../../../notebooks/data/adult.csv\");\n"
                + "adult.rowCount()"));
        assertEquals("income", result("adultColumns.get(14)"));
        assertEquals("age", result("interpolated.get(0)"));
        assertEquals("false", result("partita.magics.Cancellation.current().isCancelled()"));
        assertEquals("partita.model.XClassifier partita.PartitaException",
                result("XClassifier.class.getName() + \" \" + PartitaException.class.getName()"));
        assertEquals("<b>shown by display()</b>", data(outputs("display(\"<b>shown by display()</b>\");").get(0), "text/html"));
    }

    @Test
    void badInputIsAOneParagraphErrorAndLaterCellsRun() {
        assertEquals("PartitaException: Unknown %columns key 'dta'. Did you mean: data? Valid %columns keys: data, as.",
                error("%columns dta=adult", 1));
        assertEquals("PartitaException: Unknown notebook variable 'adlt'. Did you mean: adult? Valid notebook variables: "
                + "adult. Give a variable holding a Table, or a CSV path.", error("%columns data=adlt", 1));
        assertEquals("PartitaException: data=notATable holds a String, not a Table. Give a variable holding a tablesaw "
                + "Table, or a CSV path.", error("%columns data=notATable", 1));
        assertEquals("AssertionError: self-check: an unexpected Error inside a magic", error("%partita check=error", 2));
        assertEquals("2", result("1 + 1"));
        assertEquals("NumberFormatException: For input string: \"x1\"", only("Integer.parseInt(\"x1\")").get("ename")
                .asText() + ": " + only("Integer.parseInt(\"x1\")").get("evalue").asText());
    }

    @Test
    void outputOfJavaAndOfMagicsReachesTheCell() {
        JsonNode java = only("System.out.println(\"printed by Java\");");
        assertEquals("stream", java.get("output_type").asText());
        assertEquals("printed by Java\n", joined(java.get("text")));
        JsonNode bash = only("%%bash\necho printed by a magic");
        assertEquals("printed by a magic\n", joined(bash.get("text")));
    }

    @Test
    void progressIsOneDisplayUpdatedInPlace() {
        List<JsonNode> outputs = outputs("%partita check=progress steps=5 step_ms=20");
        assertEquals(2, outputs.size(), outputs.toString());
        assertEquals("display_data", outputs.get(0).get("output_type").asText());
        assertEquals("Self-check · done  [########################]  5/5  100%", data(outputs.get(0), "text/plain"));
        assertTrue(data(outputs.get(0), "text/html").contains("<progress value=\"1\" max=\"1\">100%</progress>"));
        assertEquals("Self-check passed: 5 steps shown in place.", data(outputs.get(1), "text/plain"));
    }

    @Test
    void helpListsPartitaMagics() {
        assertTrue(data(only("%columns ?"), "text/plain").startsWith("%columns data= [as=]\n  Lists the columns"));
        String help = data(only("%help"), "text/plain");
        assertTrue(help.contains("%partita (Partita)") && help.contains("%columns (Partita)") && help.contains("%train (Partita)"),
                help);
        assertTrue(help.contains("Magic which displays help for all the magic tools."), help);
    }

    @Test
    void nothingLeaksIntoCellsOrTheConsole() {
        notebook.get("cells").forEach(cell -> assertFalse(cell.toString().contains("SLF4J"), cell.toString()));
        for (String line : console.split("\n")) {
            assertFalse(line.contains("INFO") && !line.startsWith("[NbConvertApp]"), console);
            assertFalse(line.contains("SLF4J"), console);
        }
    }
}
