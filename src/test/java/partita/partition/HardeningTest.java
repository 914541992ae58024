package partita.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import partita.PartitaException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Inputs that used to pass silently with a surprising result. */
class HardeningTest {

    @Test
    void theKindFollowsTheTargetColumnTypeFirst() {
        Table oneRow = Table.create("t", DoubleColumn.create("price", new double[] {12.5}), StringColumn.create("c", "a"));
        assertEquals(Kind.REGRESSOR, Kind.infer(oneRow, "price"), "one numeric value is not a one-label classifier");
        Table binary = Table.create("t", IntColumn.create("churn", new int[] {0, 1, 1, 0}));
        assertEquals(Kind.CLASSIFIER, Kind.infer(binary, "churn"));
        Table many = Table.create("t", IntColumn.create("n", new int[] {1, 2, 3}));
        assertEquals(Kind.REGRESSOR, Kind.infer(many, "n"));
        assertEquals(Kind.CLASSIFIER, Kind.infer(Table.create("t", StringColumn.create("s", "x")), "s"));
    }

    @Test
    void monitoringAnEmptyTableSaysThereIsNothingToMonitor() {
        Table adult = Data.adult();
        PartitionedClassifier m = Partitioner.of(PartitionSpec.by("sex")).fitClassifier(adult, "income");
        PartitaException e = assertThrows(PartitaException.class, () -> m.monitor(adult.emptyCopy(), 0.7, 30));
        assertTrue(e.getMessage().contains("has no rows: there is nothing to monitor"), e.getMessage());
    }

    @Test
    void everyAnswerToWhichModelScoresThisRowIsTheSame() {
        Table adult = Data.adult().first(4000).copy();
        StringColumn trainRel = adult.stringColumn("relationship");
        for (int i = 0; i < 4000; i += 20) {
            trainRel.setMissing(i); // 200 rows: a segment of missing values, big enough for its own model
        }
        PartitionedClassifier m = Partitioner.of(PartitionSpec.by("relationship").minSize(100)).fitClassifier(adult, "income");
        Table t = Data.adult().first(12).copy();
        StringColumn rel = t.stringColumn("relationship");
        rel.setMissing(0);                 // tablesaw's missing marker set afterwards
        rel.set(1, "");                    // an empty string
        rel.set(2, "Cousin");              // a value never seen in training
        rel.set(3, " Husband");            // not Husband
        double[] scores = m.predictScore(t);
        double[] proba = m.predictProba(t);
        Table route = m.route(t);
        for (int i = 0; i < t.rowCount(); i++) {
            String name = m.modelFor(t, i);
            assertEquals(name, m.explain(t, i).model(), "row " + i);
            assertEquals(name, route.stringColumn("model").get(i), "row " + i);
            assertEquals(m.model(name).predictScore(t, new int[] {i})[0], scores[i], 0, "row " + i);
            assertEquals(((partita.model.ClassifierModel) m.model(name)).predictProba(t, new int[] {i})[0], proba[i], 0);
        }
        String missing = m.modelFor(t, 0);
        assertEquals(missing, m.modelFor(t, 1), "an empty string is a missing value, as for features");
        assertTrue(!missing.equals("__dataset__"), "the segment of missing values has its own model: " + missing);
        assertEquals("__dataset__", m.modelFor(t, 2), "an unseen value falls back");
        assertEquals("__dataset__", m.modelFor(t, 3));
    }

    @Test
    void infinitiesInAPartitionedModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Table t = partita.model.InfinityTest.withInfinities(3000, 6);
        PartitionedClassifier m = Partitioner.of(PartitionSpec.by("city")).fitClassifier(t, "label");
        java.nio.file.Path file = dir.resolve("p.json");
        m.save(file);
        PartitionedModel back = PartitionedModel.load(file);
        org.junit.jupiter.api.Assertions.assertArrayEquals(m.predictScore(t), back.predictScore(t));
        for (int row : new int[] {0, 5}) {
            String leaf = m.explain(t, row).explanation().contributions().stream()
                    .filter(c -> c.feature().equals("score")).findFirst().orElseThrow().leaf().describe();
            assertTrue(row == 0 ? leaf.endsWith(", inf]") : leaf.startsWith("(-inf,"), leaf);
        }
    }
}
