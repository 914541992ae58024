package partita.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import partita.PartitaException;
import tech.tablesaw.api.Table;

class NotebookTest {

    static final String ADULT = "../notebooks/data/adult.csv";

    @Test
    void readsLiveObjectsFromTheSession() throws Exception {
        Session.java("var nbSales = tech.tablesaw.api.Table.create(\"sales\", "
                + "tech.tablesaw.api.IntColumn.create(\"units\", new int[] {3, 4}))");
        Session.java("String nbLabel = \"x\"");
        Notebook notebook = Session.notebook();

        assertTrue(notebook.variables().contains(new Notebook.Variable("nbSales", "tech.tablesaw.api.Table")), notebook.variables().toString());
        Table sales = notebook.table("data", "nbSales");
        assertEquals(7, sales.intColumn("units").sum());
        assertSame(sales, notebook.value("nbSales"));
        assertEquals(List.of("units"), notebook.columnNames("nbSales"));
    }

    @Test
    void wrongVariablesFailNamingTheFix() throws Exception {
        Session.java("var nbTable2 = tech.tablesaw.api.Table.create(\"t\")");
        Session.java("int nbCount = 3");
        Notebook notebook = Session.notebook();
        assertEquals("data=nbCount holds an Integer, not a Table. Give a variable holding a tablesaw Table, or a CSV path.",
                assertThrows(PartitaException.class, () -> notebook.table("data", "nbCount")).getMessage());
        String unknown = assertThrows(PartitaException.class, () -> notebook.table("data", "nbTable3")).getMessage();
        assertTrue(unknown.startsWith("Unknown notebook variable 'nbTable3'. Did you mean: nbTable2?"), unknown);
        assertTrue(unknown.endsWith(" Give a variable holding a Table, or a CSV path."), unknown);
        assertEquals("model=nbCount holds an Integer, not a Table. Give a variable holding a Table.",
                assertThrows(PartitaException.class, () -> notebook.value("model", "nbCount", Table.class)).getMessage());
    }

    @Test
    void readsCsvPathsRelativeToTheNotebook() {
        Notebook notebook = Session.notebook();
        Table adult = notebook.table("data", ADULT);
        assertEquals(32561, adult.rowCount());
        assertEquals(adult.columnNames(), notebook.columnNames(ADULT));
        String missing = assertThrows(PartitaException.class, () -> notebook.table("data", "data/nope.csv")).getMessage();
        assertTrue(missing.startsWith("data=data/nope.csv: no such file "), missing);
        assertEquals(List.of(), notebook.columnNames("data/nope.csv"));
    }

    @Test
    void bindsTheSameObjectWithItsStaticType() throws Exception {
        Notebook notebook = Session.notebook();
        Table table = Table.create("bound");
        notebook.bind("nbBound", table, Table.class);
        assertSame(table, Session.java("nbBound"));
        assertEquals("bound", Session.java("nbBound.name()"));
        notebook.bind("nbNames", List.of("a", "b"), "java.util.List<String>");
        assertEquals("b", Session.java("nbNames.get(1).toLowerCase()"));
        notebook.bind("nbNothing", null, Table.class);
        assertEquals(true, Session.java("nbNothing == null"));
        assertThrows(PartitaException.class, () -> notebook.bind("not a name", table, Table.class));
    }
}
