package partita.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.core.CompleteMatches;
import org.rapaio.jupyter.kernel.display.DisplayData;
import partita.PartitaException;

/** The Partita magics as rapaio's MagicEngine sees them: eval, help, inspection, completion. */
class MagicEngineTest {

    private static CompleteMatches complete(String code) throws Exception {
        int cursor = code.indexOf('|');
        String text = code.replace("|", "");
        return Session.KERNEL.magicEngine().complete(Session.KERNEL, text, cursor).replacementOptions();
    }

    @Test
    void columnsMagicBindsNamesForTheNextCell() throws Exception {
        DisplayData out = Session.magic("%columns data=" + NotebookTest.ADULT + " as=adultColumns");
        String text = (String) out.data().get("text/plain");
        assertTrue(text.startsWith("adult.csv: 32561 rows, 15 columns\ncolumn          type     missing\n"
                + "--------------  -------  -------\nage             INTEGER        0\n"), text);
        assertTrue(text.endsWith("Column names bound to adultColumns (List<String>).\n"), text);
        assertTrue(((String) out.data().get("text/html")).contains("<tr><td>relationship</td><td>STRING</td>"
                + "<td class=\"partita-num\">0</td></tr>"));
        assertEquals(15, Session.java("adultColumns.size()"));
        assertEquals("age", Session.java("adultColumns.get(0)"));
    }

    @Test
    void interpolatesExpressionsBeforeParsing() throws Exception {
        Session.java("String adultPath = \"" + NotebookTest.ADULT + "\"");
        Session.magic("%columns data=\\{adultPath} as=interpolated");
        assertEquals(15, Session.java("interpolated.size()"));
    }

    @Test
    void badWordsAreUserErrors() {
        PartitaException e = assertThrows(PartitaException.class, () -> Session.magic("%columns data=x as=1x"));
        assertTrue(e.getMessage().startsWith("%columns as=1x is not a name"), e.getMessage());
        assertTrue(ErrorReport.isUserError(e));
    }

    @Test
    void questionMarkAndInspectionShowTheHelp() throws Exception {
        DisplayData help = Session.magic("%columns ?");
        assertTrue(((String) help.data().get("text/plain")).startsWith("%columns data= [as=]\n  Lists the columns"));
        var inspected = Session.KERNEL.magicEngine().inspect(Session.KERNEL.executionContext(), "%columns data=x", 10);
        assertTrue(inspected.handled());
        assertEquals(help.data(), inspected.displayData().data());
    }

    @Test
    void helpListsPartitaMagicsBeforeItsOwnEntry() throws Exception {
        var result = Session.KERNEL.magicEngine().eval(Session.KERNEL.executionContext(), "%help");
        String text = (String) assertInstanceOf(DisplayData.class, result.result()).data().get("text/plain");
        int partita = text.indexOf("%partita (Partita)");
        int columns = text.indexOf("%columns (Partita)");
        int help = text.indexOf("Magic which displays help for all the magic tools.");
        assertTrue(partita > 0 && columns > partita && help > columns, text);
        assertTrue(text.contains("%columns data= [as=]"));
        PartitaMagics.register();
        assertEquals(text.indexOf("%columns (Partita)"), text.lastIndexOf("%columns (Partita)"));
    }

    @Test
    void tabCompletesMagicNamesKeysAndValues() throws Exception {
        assertEquals(List.of("%columns ", "%columns ?"), complete("%colu|").replacements());
        CompleteMatches keys = complete("%columns d|");
        assertEquals(List.of("data="), keys.replacements());
        assertEquals(9, keys.start());
        assertEquals(10, keys.end());
        assertEquals(List.of("data=", "as="), complete("%columns |").replacements());
        assertEquals(List.of("as="), complete("%columns data=x |").replacements());
        CompleteMatches paths = complete("%columns data=../notebooks/data/ad|");
        assertEquals(List.of("../notebooks/data/adult.csv"), paths.replacements());
        assertEquals(14, paths.start());
        assertEquals(List.of("check="), complete("%partita ch|").replacements());
        assertEquals(List.of("progress"), complete("%partita check=pr|").replacements());
    }

    @Test
    void tableKeysCompleteTableVariables() throws Exception {
        Session.java("var completeMe = tech.tablesaw.api.Table.create(\"c\")");
        Session.java("int completeNot = 1");
        assertEquals(List.of("completeMe"), complete("%columns data=complete|").replacements());
    }

    @Test
    void columnKeysCompleteColumnsOfTheChosenTable() throws Exception {
        MagicSpec spec = MagicSpec.builder("pick", "test").key(Key.table("data", "t")).key(Key.column("target", "c"))
                .key(Key.columns("by", "cs")).key(Key.choice("kind", "k", "classifier", "regressor"))
                .cell("label: key=value", "body", (nb, words) -> List.of("North", "South Coast")).build();
        var parser = new org.rapaio.jupyter.kernel.core.magic.MagicParser();
        String line = "%%pick data=" + NotebookTest.ADULT + " ";
        var target = Completion.complete(spec, Session.notebook(), parser.parseSnippets(line + "target=ed", line.length() + 9).get(0));
        assertEquals(List.of("education", "education_num"), target.replacements());
        var by = Completion.complete(spec, Session.notebook(), parser.parseSnippets(line + "by=age,se", line.length() + 9).get(0));
        assertEquals(List.of("sex"), by.replacements());
        assertEquals(line.length() + 7, by.start());
        String cell = line + "\nSo";
        var label = Completion.complete(spec, Session.notebook(), parser.parseSnippets(cell, cell.length()).get(0));
        assertEquals(List.of("\"South Coast\""), label.replacements());
        String body = line + "\nNorth: ki";
        var key = Completion.complete(spec, Session.notebook(), parser.parseSnippets(body, body.length()).get(0));
        assertEquals(List.of("kind="), key.replacements());
        assertFalse(key.replacements().isEmpty());
    }
}
