package partita.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableViewTest {

    private static Table segments() {
        return Table.create(
                StringColumn.create("segment", "Husband", "<b>Wife</b> & co", "Own-child"),
                IntColumn.create("rows", 13193, 1568, 5068),
                DoubleColumn.create("count", 3.0, 12.0, 7.0),
                DoubleColumn.create("auc", 0.851234, Double.NaN, 0.9));
    }

    /** The html table parsed as XML: proves it is well formed and lets tests read cells. */
    static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(("<root>" + html + "</root>").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void htmlEscapesTextAndFormatsNumbers() throws Exception {
        TableView view = TableView.of(segments()).caption("Segments <all>");
        Document doc = parse(view.htmlTable());
        assertEquals("Segments <all>", doc.getElementsByTagName("caption").item(0).getTextContent());
        NodeList cells = doc.getElementsByTagName("td");
        assertEquals(12, cells.getLength());
        List<String> row1 = IntStream.range(4, 8).mapToObj(i -> cells.item(i).getTextContent()).toList();
        assertEquals(List.of("<b>Wife</b> & co", "1568", "12", Numbers.MISSING), row1);
        assertEquals("0.8512", cells.item(3).getTextContent());
        assertEquals("partita-num", ((Element) cells.item(1)).getAttribute("class"));
        assertEquals("partita-num partita-na", ((Element) cells.item(7)).getAttribute("class"));
        assertEquals("", ((Element) cells.item(0)).getAttribute("class"), "text is left-aligned");
        assertTrue(view.htmlTable().contains("&lt;b&gt;Wife&lt;/b&gt; &amp; co"));
    }

    @Test
    void textAlignsColumnsNumbersRight() {
        String text = TableView.of(segments()).caption("Segments").text();
        List<String> lines = text.lines().toList();
        assertEquals("Segments", lines.get(0));
        assertEquals("segment            rows  count     auc", lines.get(1));
        assertEquals("----------------  -----  -----  ------", lines.get(2));
        assertEquals("Husband           13193      3  0.8512", lines.get(3));
        assertEquals("<b>Wife</b> & co   1568     12       –", lines.get(4));
        assertEquals(5 + 1, lines.size());
    }

    @Test
    void limitsRowsWithACountOfTheRest() throws Exception {
        double[] values = IntStream.range(0, 35).mapToDouble(i -> i + 0.5).toArray();
        Table table = Table.create(DoubleColumn.create("x", values));
        TableView view = TableView.of(table).maxRows(10);
        Document doc = parse(view.htmlTable());
        NodeList rows = doc.getElementsByTagName("tr");
        assertEquals(1 + 10 + 1, rows.getLength());
        assertEquals("… 25 more rows", rows.item(11).getTextContent());
        List<String> lines = view.text().lines().toList();
        assertEquals(2 + 10 + 1, lines.size());
        assertEquals("… 25 more rows", lines.get(12));
        assertEquals("9.5", lines.get(11));
        assertEquals(TableView.DEFAULT_MAX_ROWS + 3, TableView.of(Table.create(
                DoubleColumn.create("x", IntStream.range(0, 100).mapToDouble(i -> i).toArray()))).text().lines().count());
    }

    @Test
    void marksRowsAndCellsInBothRenditions() throws Exception {
        TableView view = TableView.of(segments()).markRow(1, Highlight.ALERT).markRows(r -> r == 2, Highlight.NEW)
                .markCell(0, "auc", Highlight.GOOD).note("alert: fewer rows than min_size");
        Document doc = parse(view.htmlTable());
        NodeList rows = doc.getElementsByTagName("tr");
        assertEquals("", ((Element) rows.item(1)).getAttribute("class"));
        assertEquals("partita-alert", ((Element) rows.item(2)).getAttribute("class"));
        assertEquals("partita-new", ((Element) rows.item(3)).getAttribute("class"));
        assertEquals("partita-num partita-good", ((Element) doc.getElementsByTagName("td").item(3)).getAttribute("class"));
        String text = view.text();
        assertTrue(text.contains("0.8512*"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("<b>Wife</b>") && l.endsWith("[alert]")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("Own-child") && l.endsWith("[new]")), text);
        assertTrue(text.endsWith("alert: fewer rows than min_size"), text);
        assertTrue(view.render().html().contains("<div class=\"partita-note\">alert: fewer rows than min_size</div>"));
    }

    @Test
    void wholeDoubleColumnsPrintAsIntegersOthersWithDigits() {
        Table table = Table.create(DoubleColumn.create("whole", 1.0, 20.0), DoubleColumn.create("mixed", 1.0, 2.345678));
        String text = TableView.of(table).digits(3).text();
        assertEquals(List.of("whole  mixed", "-----  -----", "    1      1", "   20   2.35"), text.lines().toList());
    }

    @Test
    void rejectsBadMarksWithClearMessages() {
        TableView view = TableView.of(segments());
        assertThrows(IllegalArgumentException.class, () -> view.markRow(3, Highlight.ALERT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> view.markCell(0, "acu", Highlight.ALERT));
        assertTrue(e.getMessage().contains("[segment, rows, count, auc]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> view.maxRows(0));
    }

    @Test
    void styleIsScopedToPartitaOutputs() {
        List<String> rules = Arrays.stream(Html.STYLE.split("\n"))
                .filter(l -> !l.isBlank() && !l.startsWith("<")).toList();
        assertFalse(rules.isEmpty());
        for (String rule : rules) {
            String selectors = rule.substring(0, rule.indexOf('{'));
            for (String selector : selectors.split(",")) {
                assertTrue(selector.startsWith(".partita-out"), selector);
            }
        }
    }

    @Test
    void emptyTableRendersHeaderOnly() throws Exception {
        Table table = Table.create(StringColumn.create("segment"), DoubleColumn.create("auc"));
        Rendered out = TableView.of(table).render();
        assertEquals(List.of("segment  auc", "-------  ---"), out.text().lines().toList());
        assertEquals(1, parse(TableView.of(table).htmlTable()).getElementsByTagName("tr").getLength());
    }

    @Test
    void roundingNoiseReadsZero() {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("t",
                tech.tablesaw.api.DoubleColumn.create("mean", new double[] {0.25, -1.4e-16, 0.5}),
                tech.tablesaw.api.DoubleColumn.create("importance", new double[] {0.31, 6.3e-08, 0.12}),
                tech.tablesaw.api.DoubleColumn.create("tiny", new double[] {2e-9, 3e-9, 1e-9}));
        String text = TableView.of(t).render().text();
        org.junit.jupiter.api.Assertions.assertFalse(text.contains("e-16") || text.contains("e-08"), text);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("2e-09"), "a column of small values keeps them: " + text);
    }
}
