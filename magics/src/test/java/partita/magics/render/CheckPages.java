package partita.magics.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Test pages for notebooks/tools/check_html.py: every chart kind with hostile labels, on one
 * page each way a notebook delivers outputs. Written by {@link CheckPagesTest} to
 * magics/target/render-check/.
 */
final class CheckPages {

    static final String HOSTILE = "</script><script>window.__pwned=1</script>";

    private CheckPages() {
    }

    /** The outputs of a small "notebook": a table, a progress bar and one chart of each kind. */
    static List<Rendered> outputs(PlotlyBundle bundle) {
        List<Rendered> out = new ArrayList<>();
        Table segments = Table.create(
                StringColumn.create("segment", "Husband", "Not-in-family", "Own-child", "Unmarried", "Wife",
                        "Other-relative", HOSTILE),
                IntColumn.create("rows", 13193, 8305, 5068, 3446, 1568, 981, 0),
                DoubleColumn.create("share", 0.4052, 0.2551, 0.1556, 0.1058, 0.0482, 0.0301, 0),
                DoubleColumn.create("target_mean", 0.44855604, 0.10306, 0.01322, 0.06326, 0.47513, 0.03772,
                        Double.NaN));
        out.add(TableView.of(segments).caption("Segments of adult by relationship").markRow(6, Highlight.ALERT)
                .markRow(4, Highlight.NEW).note("alert: empty segment; new: not seen in training").render());
        out.add(Progress.render(5, 7, "Wife"));
        out.add(Charts.partition("Segment sizes and income rate", "income rate", List.of(
                new Charts.SegmentSize("Husband", 13193, 0.4486), new Charts.SegmentSize("Not-in-family", 8305, 0.1031),
                new Charts.SegmentSize("Own-child", 5068, 0.0132), new Charts.SegmentSize("Unmarried", 3446, 0.0633),
                new Charts.SegmentSize("Wife", 1568, 0.4751), new Charts.SegmentSize("O'Brien & \"Co\" <b>", 981, 0.0377)))
                .render(bundle));
        out.add(Charts.compare("auc", List.of(new Charts.MetricPair("Husband", 0.8512, 0.8634),
                new Charts.MetricPair("Not-in-family", 0.8801, 0.9012), new Charts.MetricPair("Own-child", 0.9102, Double.NaN),
                new Charts.MetricPair(HOSTILE, 0.7, 0.75), new Charts.MetricPair("ALL", 0.8905, 0.9013))).render(bundle));
        out.add(Charts.importance("Feature importance by segment", new Charts.ImportanceGrid(
                List.of("capital_gain", "education_num", "age", "hours_per_week", "occupation", "back\\slash"),
                List.of("__dataset__", "Husband", "Wife", "Own-child"),
                new double[][] {{0.31, 0.35, 0.28, 0.05}, {0.22, 0.24, 0.26, 0.10}, {0.18, 0.15, 0.12, 0.45},
                    {0.12, 0.11, 0.09, 0.30}, {0.17, 0.15, 0.25, 0.10}, {0, 0, Double.NaN, 0}})).render(bundle));
        out.add(Charts.steps("age", List.of(new Charts.NumericStep(Double.NEGATIVE_INFINITY, 25, -0.12),
                new Charts.NumericStep(25, 33.5, -0.04), new Charts.NumericStep(33.5, 47, 0.06),
                new Charts.NumericStep(47, 61, 0.09), new Charts.NumericStep(61, Double.POSITIVE_INFINITY, 0.02)), 0.0)
                .render(bundle));
        out.add(Charts.categories("occupation", List.of(new Charts.CategoryStep("Exec-managerial", 0.11),
                new Charts.CategoryStep("Prof-specialty", 0.09), new Charts.CategoryStep("Sales", 0.01),
                new Charts.CategoryStep("Other-service", -0.08), new Charts.CategoryStep(HOSTILE, -0.02)), Double.NaN)
                .render(bundle));
        out.add(Charts.waterfall("Row 17: from base value to score", 0.2408, List.of(
                new Charts.Effect("capital_gain = 0", -0.03), new Charts.Effect("age = 52", 0.09),
                new Charts.Effect("education_num = 13", 0.12), new Charts.Effect("occupation = Sales", 0.01),
                new Charts.Effect("hours_per_week = 60", 0.05)), 0.4808).render(bundle));
        out.add(Charts.beforeAfter("Refit of \"Husband's\" model \\ v2: max_depth 8 → 4", "value", List.of(
                new Charts.BeforeAfter("train auc", 0.88, 0.86), new Charts.BeforeAfter("test auc", 0.84, 0.85),
                new Charts.BeforeAfter("leaves / 100", 0.92, 0.41))).render(bundle));
        return out;
    }

    /** The outputs in document order, as nbconvert writes them. */
    static String plain(List<Rendered> outputs, String head) {
        StringBuilder body = new StringBuilder();
        for (Rendered r : outputs) {
            body.append("<div class=\"cell-output\">\n").append(r.html()).append("</div>\n");
        }
        return page("Partita render check", head, body.toString());
    }

    /**
     * The outputs inserted by script, the way the two Jupyter front ends do: JupyterLab sets
     * innerHTML on a detached node and re-creates each script (they run once the node is
     * attached); classic Jupyter (jQuery) evaluates each script in document.head while the
     * output is still detached, then attaches it.
     */
    static String live(List<Rendered> outputs) {
        List<String> html = outputs.stream().map(Rendered::html).toList();
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(html).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String script = """
                <script type="application/json" id="outputs">%s</script>
                <div id="notebook"></div>
                <script>
                (function () {
                  var outputs = JSON.parse(document.getElementById('outputs').textContent);
                  var notebook = document.getElementById('notebook');
                  // lab: scripts re-created in place, run once the host is attached;
                  // classic: scripts run in document.head while the host is detached.
                  function insert(html, lab) {
                    var host = document.createElement('div');
                    host.innerHTML = html;
                    Array.from(host.querySelectorAll('script')).forEach(function (old) {
                      var s = document.createElement('script');
                      s.textContent = old.textContent;
                      if (lab) {
                        old.parentNode.replaceChild(s, old);
                      } else {
                        document.head.appendChild(s).parentNode.removeChild(s);
                        old.parentNode.removeChild(old);
                      }
                    });
                    setTimeout(function () { notebook.appendChild(host); }, lab ? 30 : 100);
                  }
                  outputs.forEach(function (html, i) {
                    setTimeout(function () { insert(html, i %% 2 === 1); }, 50 * i);
                  });
                })();
                </script>
                """.formatted(json);
        return page("Partita render check (live insertion)", "", script);
    }

    /**
     * The outputs as a notebook file (nbformat 4, one code cell per output), for checking a
     * real {@code jupyter nbconvert --to html} export.
     */
    static String notebook(List<Rendered> outputs) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Rendered r = outputs.get(i);
            Map<String, Object> output = Map.of("output_type", "display_data", "metadata", Map.of(),
                    "data", Map.of("text/plain", r.text(), "text/html", r.html()));
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("cell_type", "code");
            cell.put("execution_count", i + 1);
            cell.put("id", "cell-" + (i + 1));
            cell.put("metadata", Map.of());
            cell.put("outputs", List.of(output));
            cell.put("source", "// output " + (i + 1));
            cells.add(cell);
        }
        Map<String, Object> notebook = new LinkedHashMap<>();
        notebook.put("cells", cells);
        notebook.put("metadata", Map.of("kernelspec", Map.of("display_name", "Java (Partita)", "language", "java",
                "name", "partita"), "language_info", Map.of("name", "java")));
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(notebook);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands in for require.js: plotly must not register itself as an AMD module. */
    static final String AMD_LOADER = """
            <script>
            window.define = function () { throw new Error('plotly.js called define(): it must set window.Plotly'); };
            window.define.amd = {};
            </script>
            """;

    private static String page(String title, String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Html.escape(title)
                + "</title>\n" + head + "</head>\n<body style=\"font-family:sans-serif;margin:16px;max-width:1000px\">\n"
                + body + "<script>if (window.__pwned) { console.error('injected script ran'); }</script>\n"
                + "</body>\n</html>\n";
    }

    static void write(Path file, String html) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
