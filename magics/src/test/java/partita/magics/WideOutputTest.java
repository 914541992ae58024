package partita.magics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.display.DisplayData;

/** Results over 1,000+ segments stay readable: summarised, with the whole result bound, HTML under 1 MB. */
class WideOutputTest {

    private static String html(DisplayData d) {
        return (String) d.data().get("text/html");
    }

    @Test
    void thousandsOfSegmentsAreSummarised() throws Exception {
        Session.java("var wide = tech.tablesaw.api.Table.read().csv(\"" + NotebookTest.ADULT + "\");"
                + "var seg = tech.tablesaw.api.StringColumn.create(\"shop\");"
                + "for (int i = 0; i < wide.rowCount(); i++) { seg.append(\"shop-\" + (i % 1200)); }"
                + "wide.addColumns(seg);");
        DisplayData partition = Session.magic("%partition data=wide target=income by=shop min_size=20 as=wideP");
        assertTrue(html(partition).length() < 1_000_000, "partition html " + html(partition).length());
        assertTrue(((String) partition.data().get("text/plain")).contains("Showing the 40 largest of 1,200 segments"),
                (String) partition.data().get("text/plain"));
        // %train draws a progress bar, which needs a live kernel: fit from Java (the kernel ITs run %train itself)
        Session.java("var wideM = partita.partition.PartitionedTrainer.of(new partita.model.XClassifier("
                + "partita.model.Params.builder().maxDepth(2).build()), wideP.spec()).fit(wideP.data(), wideP.target())");
        DisplayData importance = Session.magic("%importance model=wideM top=2 as=wideI");
        assertTrue(html(importance).length() < 1_000_000, "importance html " + html(importance).length());
        String text = (String) importance.data().get("text/plain");
        assertTrue(text.matches("(?s).*Showing the 39 largest of 1,\\d{3} segments; all of them are in wideI\\..*"),
                text.substring(0, Math.min(text.length(), 3000)));
        assertTrue((Integer) Session.java("wideI.table().columnCount()") > 1000, "the bound table has every trained segment: "
                + Session.java("wideI.table().columnCount()"));
        DisplayData compare = Session.magic("%compare model=wideM test=wide as=wideC");
        assertTrue(html(compare).length() < 1_000_000, "compare html " + html(compare).length());
    }
}
