package partita.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import partita.PartitaException;

class SqlMagicTest {

    @Test
    void showsAndBindsTheQueryOfTheDialect() throws Exception {
        Session.java("var sqlModel = new partita.model.XClassifier().fit(tech.tablesaw.api.Table.read()"
                + ".csv(\"../notebooks/data/adult.csv\").selectColumns(\"age\", \"sex\", \"income\"), \"income\")");
        String text = (String) Session.magic("%sql model=sqlModel table=adult_test dialect=postgres as=scoring")
                .data().get("text/plain");
        Object expected = Session.java("partita.sql.SqlScoring.query(sqlModel, \"adult_test\","
                + " partita.sql.SqlDialect.POSTGRES)");
        assertEquals(expected, Session.java("scoring"));
        assertTrue(text.startsWith((String) expected) && text.contains("Bound to scoring ("), text);
        assertTrue(text.contains("(ARRAY["), "PostgreSQL's array literal");
    }

    @Test
    void aLongQueryIsShownInPartAndBoundWhole() throws Exception {
        Session.java("var sqlPartitioned = partita.partition.PartitionedTrainer.of(new partita.model.XClassifier(),"
                + " partita.partition.segment.PartitionSpec.by(\"relationship\")).fit(tech.tablesaw.api.Table.read()"
                + ".csv(\"../notebooks/data/adult.csv\"), \"income\")");
        String text = (String) Session.magic("%sql model=sqlPartitioned table=adult_test as=longSql").data()
                .get("text/plain");
        String whole = (String) Session.java("longSql");
        assertTrue(whole.length() > Views.MAX_CODE && whole.contains("'Husband'"), "a long query");
        assertTrue(text.length() < Views.MAX_CODE + 1000, "the output is cut: " + text.length());
        assertTrue(whole.startsWith(text.substring(0, text.indexOf("Showing the first")).strip()), text);
        assertTrue(text.matches("(?s).*Showing the first [\\d,]+ of [\\d,]+ lines \\([\\d,]+ of "
                + String.format("%,d", whole.length()) + " characters\\); the whole query is in longSql\\..*"), text);
    }

    @Test
    void unknownDialectAndModelNameTheValidOnes() {
        PartitaException dialect = assertThrows(PartitaException.class,
                () -> Session.magic("%sql model=sqlModel table=t dialect=duck"));
        assertTrue(dialect.getMessage().contains("duckdb"), dialect.getMessage());
        PartitaException model = assertThrows(PartitaException.class, () -> Session.magic("%sql model=nope table=t"));
        assertTrue(model.getMessage().contains("nope"), model.getMessage());
    }
}
