package partita.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartsTest {

    private static final String MARKER = "bundled by Partita: loaded once per page";

    private static Chart partition() {
        return Charts.partition("Segment sizes", "income rate", List.of(
                new Charts.SegmentSize("Husband", 13193, 0.4486), new Charts.SegmentSize("Wife", 1568, 1.0 / 3),
                new Charts.SegmentSize(CheckPages.HOSTILE, 981, 0.0377)));
    }

    /** A chart's html as every chart after a page's first sees it: without plotly.js. */
    private static String html(Chart chart) {
        PlotlyBundle page = PlotlyBundle.newPage("later");
        chart.render(page);
        return chart.render(page).html();
    }

    private static Document svg(Chart chart) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.svg().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void plotlyTravelsWithTheFirstChartOfAPageOnly() {
        PlotlyBundle page = PlotlyBundle.newPage("t1");
        assertFalse(page.delivered());
        String first = partition().render(page).html();
        String second = partition().render(page).html();
        assertTrue(page.delivered());
        assertEquals(1, CheckPagesTest.count(first, MARKER));
        assertTrue(first.length() > 3_000_000, "the first chart carries plotly.min.js");
        assertTrue(first.contains("if (!window.Plotly)"));
        assertEquals(0, CheckPagesTest.count(second, MARKER));
        assertTrue(second.length() < 40_000, "later charts stay small: " + second.length());
        assertTrue(first.contains("id=\"partita_t1_1\"") && second.contains("id=\"partita_t1_2\""));
        assertEquals(1, CheckPagesTest.count(partition().render(PlotlyBundle.newPage("t2")).html(), MARKER),
                "a new page gets its own copy");
        assertTrue(PlotlyBundle.version().startsWith("2."), PlotlyBundle.version());
    }

    @Test
    void aNotebookPageNeverCarriesPlotlyButFetchesItFromTheJupyterServer() {
        assertSame(PlotlyBundle.session(), PlotlyBundle.session());
        assertTrue(PlotlyBundle.session().served());
        PlotlyBundle page = PlotlyBundle.servedPage("s1");
        for (int i = 0; i < 3; i++) {
            String html = partition().render(page).html();
            assertEquals(0, CheckPagesTest.count(html, MARKER));
            assertTrue(html.length() < 40_000, "a served chart stays small: " + html.length());
            assertTrue(html.contains("fetch(base + 'kernelspecs/partita/plotly.min.js'"), html);
            assertTrue(html.contains("/^https?:$/.test(location.protocol)"), "no request from a page opened from disk");
        }
        assertFalse(page.delivered());
        assertFalse(PlotlyBundle.inlineLibrary().isEmpty());
        assertEquals(1, CheckPagesTest.count(PlotlyBundle.inlineLibrary(), MARKER));
    }

    @Test
    void nothingLoadsFromANetwork() {
        PlotlyBundle page = PlotlyBundle.newPage("net");
        String first = partition().render(page).html();
        String later = partition().render(page).html();
        assertFalse(later.toLowerCase(Locale.ROOT).contains("cdn"), "a chart mentions a CDN");
        assertFalse(first.matches("(?s).*<script[^>]+src=.*"), "a script loads from elsewhere");
        String withoutLibrary = first.substring(0, first.indexOf("if (!window.Plotly)"))
                + first.substring(first.indexOf("}).call(window); }"));
        String served = partition().render(PlotlyBundle.servedPage("net")).html();
        for (String html : List.of(withoutLibrary, served)) {
            assertFalse(html.toLowerCase(Locale.ROOT).contains("cdn"));
            assertFalse(html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*https?://.*"), html);
        }
    }

    @Test
    void labelsCannotCloseTheScriptElement() {
        for (Chart chart : List.of(partition(),
                Charts.compare("auc", List.of(new Charts.MetricPair(CheckPages.HOSTILE, 0.7, 0.8))),
                Charts.categories(CheckPages.HOSTILE, List.of(new Charts.CategoryStep(CheckPages.HOSTILE, 0.1)), 0),
                Charts.importance(CheckPages.HOSTILE, new Charts.ImportanceGrid(List.of(CheckPages.HOSTILE),
                        List.of("<!--"), new double[][] {{0.5}})))) {
            String html = chart.render(PlotlyBundle.newPage("x")).html();
            String chartPart = html.substring(html.indexOf("<div class=\"partita-chart\""));
            assertEquals(1, CheckPagesTest.count(chartPart.toLowerCase(Locale.ROOT), "<script"), chartPart);
            assertEquals(1, CheckPagesTest.count(chartPart.toLowerCase(Locale.ROOT), "</script"), chartPart);
            assertFalse(chartPart.contains("<!--"));
        }
    }

    @Test
    void everyChartHasAStaticSvgAndATextTable() throws Exception {
        PlotlyBundle page = PlotlyBundle.newPage("all");
        List<Rendered> outputs = CheckPages.outputs(page);
        long charts = outputs.stream().filter(r -> r.html().contains("class=\"partita-chart\"")).count();
        assertEquals(7, charts);
        for (Rendered r : outputs) {
            if (r.html().contains("class=\"partita-chart\"")) {
                assertTrue(r.html().contains("<div class=\"partita-static\"><img alt=\"")
                        && r.html().contains("\" src=\"data:image/svg+xml;base64,"), r.html());
                assertTrue(r.html().contains("Plotly.newPlot("));
                assertFalse(r.text().isBlank());
            }
        }
    }

    @Test
    void partitionShowsRowsAndTargetOnTwoAxes() throws Exception {
        Chart chart = partition();
        String js = html(chart);
        assertTrue(js.contains("yaxis: 'y2'") || js.contains("yaxis: \"y2\""), "target on the right axis");
        assertTrue(js.contains("overlaying: 'y'"));
        assertTrue(js.contains("0.333333") && !js.contains("0.3333333"), "data rounded to 6 digits");
        assertEquals("""
                Segment sizes
                segment                                    rows    share  income rate
                ----------------------------------------  -----  -------  -----------
                Husband                                   13193   0.8381       0.4486
                Wife                                       1568  0.09961       0.3333
                </script><script>window.__pwned=1</scri…    981  0.06232       0.0377""", chart.text());
        Document doc = svg(chart);
        assertEquals(3, doc.getElementsByTagName("rect").getLength() - 1 - 2, "background + legend + 3 bars");
        assertEquals(3, doc.getElementsByTagName("circle").getLength());
        assertTrue(chart.svg().contains(">13193</text>"));
    }

    @Test
    void compareGroupsSingleAndPartitionedPerSegment() throws Exception {
        Chart chart = Charts.compare("auc", List.of(new Charts.MetricPair("Husband", 0.85, 0.87),
                new Charts.MetricPair("ALL", 0.89, Double.NaN)));
        String html = html(chart);
        assertTrue(html.contains("\"barmode\":\"group\""), html);
        assertTrue(html.contains("\"name\":\"single\"") && html.contains("\"name\":\"partitioned\""));
        assertEquals(List.of("auc by segment: single vs partitioned", "segment  single  partitioned  difference",
                "-------  ------  -----------  ----------", "Husband    0.85         0.87        0.02",
                "ALL        0.89            –           –"), chart.text().lines().toList());
        assertEquals(1 + 2 + 3, svg(chart).getElementsByTagName("rect").getLength(), "NaN bar left out");
    }

    @Test
    void stepsAreHorizontalBetweenCutPoints() throws Exception {
        Chart chart = Charts.steps("age", List.of(new Charts.NumericStep(33.5, Double.POSITIVE_INFINITY, 0.06),
                new Charts.NumericStep(Double.NEGATIVE_INFINITY, 25, -0.12), new Charts.NumericStep(25, 33.5, -0.04)),
                0.01);
        String html = html(chart);
        assertTrue(html.contains("\"shape\" : \"hv\""), "plotly draws steps, not slopes");
        Matcher x = Pattern.compile("x: \\[([^\\]]*)\\]").matcher(html);
        assertTrue(x.find());
        assertEquals("\"23.725\",\"25.0\",\"33.5\",\"34.775\"", x.group(1).replace(" ", ""));
        Matcher y = Pattern.compile("y: \\[([^\\]]*)\\]").matcher(html);
        assertTrue(y.find());
        assertEquals("\"-0.12\",\"-0.04\",\"0.06\",\"0.06\"", y.group(1).replace(" ", ""));
        assertEquals("age: score by value (missing: 0.01)", chart.title());
        assertTrue(chart.text().contains("-∞     25  -0.12"), chart.text());
        assertTrue(chart.text().contains("33.5      ∞   0.06"), chart.text());
        Document doc = svg(chart);
        assertEquals(1 + 3, doc.getElementsByTagName("rect").getLength(), "one step per leaf");
        assertEquals(2, doc.getElementsByTagName("line").getLength()
                - (int) chart.svg().lines().filter(l -> l.startsWith("<line") && !l.contains("dasharray")).count());
        assertThrows(IllegalArgumentException.class,
                () -> Charts.steps("age", List.of(new Charts.NumericStep(3, 3, 0)), Double.NaN));
    }

    @Test
    void waterfallRunsFromBaseValueToScore() {
        Chart chart = Charts.waterfall("Row 3", 0.24, List.of(new Charts.Effect("age = 52", 0.09),
                new Charts.Effect("capital_gain = 0", -0.03)), 0.30);
        String html = html(chart);
        assertTrue(html.contains("\"base\":[0.0,0.24,0.33,0.0]"), html);
        assertEquals(List.of("Row 3", "term              value  running total", "----------------  -----  -------------",
                "base value         0.24           0.24", "age = 52           0.09           0.33",
                "capital_gain = 0  -0.03            0.3", "score               0.3            0.3"),
                chart.text().lines().toList());
        assertTrue(chart.svg().contains(">+0.09</text>") && chart.svg().contains(">-0.03</text>"));
    }

    @Test
    void heatmapWritesValuesInCellsAndOnHover() throws Exception {
        Chart chart = Charts.importance("Importance", new Charts.ImportanceGrid(List.of("age", "hours"),
                List.of("__dataset__", "Wife"), new double[][] {{0.6123, 0.3}, {0.3877, 0.7}}));
        String html = html(chart);
        assertTrue(html.contains("type: 'heatmap'"));
        assertTrue(html.contains("\"hovertext\":[[\"age in __dataset__: 0.6123\""), html);
        assertTrue(html.contains("\"texttemplate\":\"%{text}\""));
        assertTrue(chart.svg().contains(">0.61</text>") && chart.svg().contains(">0.7</text>"));
        assertEquals(1 + 4, svg(chart).getElementsByTagName("rect").getLength());
        assertTrue(chart.text().contains("hours         0.3877   0.7"), chart.text());
        assertThrows(IllegalArgumentException.class, () -> new Charts.ImportanceGrid(List.of("a"), List.of("s", "t"),
                new double[][] {{1}}));
    }

    @Test
    void beforeAfterAndCategoriesUseSignedBars() throws Exception {
        Chart refit = Charts.beforeAfter("Refit", "auc", List.of(new Charts.BeforeAfter("test auc", 0.84, 0.86)));
        assertTrue(refit.text().contains("test auc    0.84   0.86        0.02"), refit.text());
        Chart categories = Charts.categories("occupation", List.of(new Charts.CategoryStep("Sales", 0.01),
                new Charts.CategoryStep("Other", -0.08)), Double.NaN);
        assertEquals("occupation: score by value", categories.title());
        assertTrue(categories.svg().contains("fill=\"" + Charts.RED + "\""));
        assertTrue(categories.svg().contains("fill=\"" + Charts.GREEN + "\""));
        assertThrows(IllegalArgumentException.class, () -> Charts.categories("x", List.of(), 0));
    }

    @Test
    void titlesReachPlotlyExactlyThroughJson() {
        String html = html(Charts.compare("it's \"a\" \\ <test>", List.of(new Charts.MetricPair("a", 1, 2))));
        assertTrue(html.contains("\"title\":{\"text\":\"it's \\\"a\\\" \\\\ &lt;test&gt; by segment: single vs partitioned\",\"x\":0.01,\"xanchor\":\"left\"}"),
                html);
        assertTrue(html.contains("\"name\":\"partitioned\""));
        assertFalse(html.contains("title: 'it"), "no free text through tablesaw's template");
        Chart chart = Charts.compare("t", List.of(new Charts.MetricPair("a", 1, 2)));
        assertNotEquals(-1, chart.svg().indexOf("<title>a · single: 1</title>"));
        String image = java.util.Base64.getEncoder().encodeToString(chart.svg().getBytes(StandardCharsets.UTF_8));
        assertTrue(html(chart).contains("src=\"data:image/svg+xml;base64," + image + "\""), "the static image is the svg");
    }

    @Test
    void sameInputsGiveTheSameBytes() {
        assertEquals(partition().render(PlotlyBundle.newPage("d")).html(), partition().render(PlotlyBundle.newPage("d")).html());
        assertEquals(html(partition()), html(partition()));
    }
}
