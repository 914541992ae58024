package partita.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A test notebook (src/test/notebooks) executed with {@code jupyter nbconvert --execute
 * --allow-errors} on the installed kernel, and its cells' outputs found by source.
 */
final class ExecutedNotebook {

    final JsonNode notebook;
    /** What nbconvert and the kernel printed on the console. */
    final String console;

    private ExecutedNotebook(JsonNode notebook, String console) {
        this.notebook = notebook;
        this.console = console;
    }

    static ExecutedNotebook execute(String name) throws IOException {
        Path source = Jupyter.MODULE.resolve("src/test/notebooks/" + name + ".ipynb");
        String executed = name + ".executed.ipynb";
        Jupyter.Run run = Jupyter.jupyter(List.of(Jupyter.python(), "-m", "jupyter", "nbconvert", "--to", "notebook",
                "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=partita",
                "--ExecutePreprocessor.timeout=300", "--output-dir", Jupyter.WORK.toString(), "--output",
                executed, source.toString()), null, 600);
        if (run.exitCode() != 0) {
            fail("nbconvert failed:\n" + run.stderr());
        }
        return new ExecutedNotebook(Jupyter.JSON.readTree(Jupyter.WORK.resolve(executed).toFile()), run.stderr());
    }

    /** The outputs of the code cell whose source is exactly {@code source}. */
    List<JsonNode> outputs(String source) {
        for (JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("code") && joined(cell.get("source")).equals(source)) {
                List<JsonNode> list = new ArrayList<>();
                cell.get("outputs").forEach(list::add);
                return list;
            }
        }
        throw new AssertionError("no cell " + source);
    }

    static String data(JsonNode output, String mime) {
        JsonNode value = output.get("data").get(mime);
        if (value == null) {
            throw new AssertionError("no " + mime + " in " + output);
        }
        return joined(value);
    }

    /** nbformat stores multi-line text as a list of lines. */
    static String joined(JsonNode value) {
        StringBuilder text = new StringBuilder();
        if (value.isArray()) {
            value.forEach(line -> text.append(line.asText()));
        } else {
            text.append(value.asText());
        }
        return text.toString();
    }

    JsonNode only(String source) {
        List<JsonNode> outputs = outputs(source);
        assertEquals(1, outputs.size(), source + " -> " + outputs);
        return outputs.get(0);
    }

    /** The cell's result value (rapaio renders Java values as text/html). */
    String result(String source) {
        JsonNode output = only(source);
        assertEquals("execute_result", output.get("output_type").asText(), output.toString());
        return data(output, "text/html");
    }

    /** The cell's error as "ename: evalue", checked to be one traceback line (no stack trace) unless said. */
    String error(String source, int tracebackLines) {
        JsonNode output = only(source);
        assertEquals("error", output.get("output_type").asText(), output.toString());
        assertEquals(tracebackLines, output.get("traceback").size(), output.toString());
        output.get("traceback").forEach(line -> assertFalse(line.asText().contains("\tat "), output.toString()));
        return output.get("ename").asText() + ": " + output.get("evalue").asText();
    }
}
