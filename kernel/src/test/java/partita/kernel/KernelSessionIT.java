package partita.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One kernel session driven by jupyter_client: interrupts (a magic polling its cancel token and
 * a sleeping Java cell), an Error in a magic, completion and inspection, and the console.
 */
class KernelSessionIT {

    private static final List<Map<String, Object>> STEPS = List.of(
            Map.of("execute", "%partita check=progress steps=600 step_ms=100", "interrupt_after", 3),
            Map.of("execute", "1 + 1"),
            Map.of("execute", "Thread.sleep(60_000);", "interrupt_after", 2),
            Map.of("execute", "System.out.println(\"still alive\");\n40 + 2"),
            Map.of("execute", "%partita check=error"),
            Map.of("execute", "int answer = 6 * 7;\nanswer"),
            Map.of("execute", "var sales = Table.create(\"sales\");"),
            Map.of("complete", "%columns d", "cursor", 10),
            Map.of("complete", "%colu", "cursor", 5),
            Map.of("complete", "%columns data=sa", "cursor", 16),
            Map.of("complete", "sales.rowCou", "cursor", 12),
            Map.of("inspect", "%columns data=x", "cursor", 3),
            Map.of("execute", "var adult = Table.read().csv(\"../notebooks/data/adult.csv\");\nvar big = adult.copy();\n"
                    + "for (int i = 0; i < 29; i++) { big.append(adult); }\nbig.rowCount()"),
            Map.of("execute", "%partition data=adult target=income by=relationship as=p1"),
            Map.of("execute", "%train partition=p1 as=m1"),
            Map.of("complete", "%explain model=m1 segment=Hus", "cursor", 29),
            Map.of("complete", "%train partition=p1 features=hours", "cursor", 34),
            Map.of("execute", "%partition data=big target=income by=native_country,sex min_size=10 as=bigp"),
            Map.of("execute", "%train partition=bigp parallel=1 as=bigm", "interrupt_after", 1),
            Map.of("execute", "\"after \" + m1.trainedSegments().size()"),
            Map.of("execute", "%compare model=m1 data=big folds=5 as=bigCv", "interrupt_after", 2),
            Map.of("execute", "\"cv bound: \" + (bigCv != null)"),
            Map.of("execute", "for (int i = 0; i < 200_000; i++) { System.out.println(\"line \" + i); }\n\"printed\""),
            Map.of("execute", "for (int i = 0; i < 600_000; i++) { System.out.println(\"row \" + i); }"));

    private static JsonNode results;
    private static String key;
    private static String console;

    @BeforeAll
    static void run() throws IOException {
        Jupyter.Run run = Jupyter.client(Jupyter.JSON.writeValueAsString(STEPS), 600, "session");
        if (run.exitCode() != 0) {
            fail("kernel_client.py session failed:\n" + run.stderr());
        }
        JsonNode out = Jupyter.json(run.stdout());
        results = out.get("results");
        key = out.get("key").asText();
        console = run.stderr();
    }

    private static JsonNode step(int index) {
        return results.get(index);
    }

    private static List<JsonNode> outputs(int index, String type) {
        List<JsonNode> list = new ArrayList<>();
        step(index).get("outputs").forEach(o -> {
            if (o.get("output_type").asText().equals(type)) {
                list.add(o);
            }
        });
        return list;
    }

    private static String value(int index) {
        List<JsonNode> values = outputs(index, "execute_result");
        assertEquals(1, values.size(), step(index).toString());
        return values.get(0).get("data").get("text/html").asText();
    }

    private static List<String> matches(int index) {
        List<String> list = new ArrayList<>();
        step(index).get("matches").forEach(m -> list.add(m.asText()));
        return list;
    }

    @Test
    void interruptStopsAMagicBetweenStepsAndLaterCellsWork() {
        JsonNode stopped = step(0);
        assertEquals("error", stopped.get("status").asText());
        JsonNode error = outputs(0, "error").get(0);
        assertEquals("Interrupted", error.get("ename").asText());
        assertTrue(error.get("evalue").asText().matches("%partita check=progress stopped after \\d+ of 600 steps\\."),
                error.toString());
        assertTrue(stopped.get("seconds_to_stop").asDouble() < 2, stopped.toString());
        List<JsonNode> updates = outputs(0, "update_display_data");
        String last = updates.get(updates.size() - 1).get("data").get("text/plain").asText();
        assertTrue(last.startsWith("Self-check · interrupted  ["), last);
        assertEquals(1, outputs(0, "display_data").size());
        assertEquals("2", value(1));
    }

    @Test
    void interruptStopsAJavaCellAndLaterJavaCellsReturnValues() {
        assertEquals("error", step(2).get("status").asText());
        assertEquals("Interrupted", outputs(2, "error").get(0).get("ename").asText());
        assertTrue(step(2).get("seconds_to_stop").asDouble() < 2, step(2).toString());
        assertEquals("still alive\n", outputs(3, "stream").get(0).get("text").asText());
        assertEquals("42", value(3));
    }

    @Test
    void anErrorInAMagicIsReportedAndTheKernelLives() {
        assertEquals("error", step(4).get("status").asText());
        assertEquals("AssertionError", outputs(4, "error").get(0).get("ename").asText());
        assertEquals("42", value(5));
    }

    @Test
    void completionAndInspectionReachTheMagics() {
        assertEquals(List.of("data="), matches(7));
        assertEquals(9, step(7).get("cursor_start").asInt());
        assertTrue(matches(8).contains("%columns "), matches(8).toString());
        assertEquals(List.of("sales"), matches(9));
        assertTrue(matches(10).stream().anyMatch(m -> m.startsWith("rowCount(")), matches(10).toString());
        JsonNode inspect = step(11);
        assertTrue(inspect.get("found").asBoolean());
        assertTrue(inspect.get("data").get("text/plain").asText().startsWith("%columns data= [as=]"));
    }

    @Test
    void theConsoleShowsNoProtocolLogAndNoKey() {
        assertFalse(console.contains(key), console);
        assertFalse(console.contains("INFO"), console);
        assertFalse(console.contains("SLF4J"), console);
    }

    @Test
    void interruptStopsTrainingBetweenSegmentsAndTheSessionGoesOn() {
        assertEquals("976830", value(12));
        JsonNode stopped = step(18);
        assertEquals("error", stopped.get("status").asText(), stopped.toString());
        JsonNode error = outputs(18, "error").get(0);
        assertEquals("Interrupted", error.get("ename").asText(), error.toString());
        assertTrue(error.get("evalue").asText().startsWith("%train stopped between segments: Training was cancelled after "),
                error.toString());
        assertTrue(stopped.get("seconds_to_stop").asDouble() < 5, stopped.toString());
        assertEquals("after 7", value(19));
    }

    @Test
    void tabCompletesSegmentNamesAndThePartitionsColumns() {
        assertEquals(List.of("Husband"), matches(15));
        assertEquals(List.of("hours_per_week"), matches(16));
    }

    @Test
    void manyPrintedLinesArriveInFewMessagesAndTooManyAreCutSayingSo() {
        int index = results.size() - 2;
        StringBuilder text = new StringBuilder();
        List<JsonNode> streams = outputs(index, "stream");
        streams.forEach(o -> text.append(o.get("text").asText()));
        String[] lines = text.toString().split("\n");
        assertEquals(200_000, lines.length, "every line arrives");
        assertEquals("line 199999", lines[lines.length - 1]);
        assertTrue(streams.size() < 2_000, streams.size() + " stream messages for 200,000 lines");
        assertTrue(value(index).contains("printed"), "the cell still replies with its value: " + value(index));
        StringBuilder cut = new StringBuilder();
        outputs(index + 1, "stream").forEach(o -> cut.append(o.get("text").asText()));
        assertTrue(cut.toString().strip().endsWith("were not shown; write less, or to a file]"), cut.substring(
                Math.max(0, cut.length() - 300)));
        assertTrue(cut.toString().contains("[output cut: "), "says how much was cut");
    }

    @Test
    void interruptStopsACrossValidatedComparisonPromptly() {
        int index = results.size() - 4;
        assertEquals("error", step(index).get("status").asText(), step(index).toString());
        JsonNode error = outputs(index, "error").get(0);
        assertEquals("Interrupted", error.get("ename").asText());
        assertTrue(error.get("evalue").asText().startsWith("%compare folds= stopped between segment fits"), error.toString());
        assertTrue(step(index).get("seconds_to_stop").asDouble() < 3, step(index).toString());
        assertEquals("error", step(index + 1).get("status").asText(), "nothing half-done is bound");
    }
}
