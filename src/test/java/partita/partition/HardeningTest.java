package partita.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import partita.PartitaException;
import partita.io.ModelFiles;
import partita.model.ClassifierModel;
import partita.model.Kind;
import partita.model.XClassifier;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentsTest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex")).fit(adult, "income");
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
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship").minSize(100)).fit(adult, "income");
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
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("city")).fit(t, "label");
        java.nio.file.Path file = dir.resolve("p.json");
        ModelFiles.save(m, file);
        PartitionedModel<?> back = ModelFiles.load(file, PartitionedModel.class);
        org.junit.jupiter.api.Assertions.assertArrayEquals(m.predictScore(t), back.predictScore(t));
        for (int row : new int[] {0, 5}) {
            String leaf = m.explain(t, row).explanation().contributions().stream()
                    .filter(c -> c.feature().equals("score")).findFirst().orElseThrow().leaf().describe();
            assertTrue(row == 0 ? leaf.endsWith(", inf]") : leaf.startsWith("(-inf,"), leaf);
        }
    }

    @Test
    void mappingValuesThatMatchNothingAreNamedWithCloseMatches() {
        Table adult = Data.adult();
        Partition p = Partition.of(adult, "income", PartitionSpec.by("relationship")
                .map("relationship", SegmentsTest.mapping("Other", "Couple", List.of("Husbnd", "Wife"))));
        assertEquals(List.of("Mapping value 'Husbnd' (group Couple) matches no row of relationship. Did you mean: Husband?"),
                p.notes());
        Partition none = Partition.of(adult, "income", PartitionSpec.by("relationship")
                .map("relationship", SegmentsTest.mapping("Other", "Couple", List.of("Husbnd", "Wif"))));
        assertTrue(none.notes().contains("The mapping of relationship matches no value in the data: every row goes to the"
                + " catch-all 'Other'."), none.notes().toString());
    }

    @Test
    void partitioningByTheTargetOrANearlyUniqueColumnIsSaid() {
        Table adult = Data.adult();
        PartitaException e = assertThrows(PartitaException.class,
                () -> Partition.of(adult, "income", PartitionSpec.by("income")));
        assertTrue(e.getMessage().contains("is also a partition column"), e.getMessage());
        List<String> notes = Partition.of(adult, "income", PartitionSpec.by("fnlwgt")).notes();
        assertTrue(notes.get(0).startsWith("Partition column fnlwgt has 21648 distinct values in 32561 rows"), notes.toString());
    }

    @Test
    void idLikeColumnsAreLeftOutOfTheDefaultFeaturesAndSaidSo() {
        Table t = Data.adult().first(3000).copy();
        StringColumn customer = StringColumn.create("customer");
        IntColumn rowNumber = IntColumn.create("row_number");
        for (int i = 0; i < t.rowCount(); i++) {
            customer.append("C-" + (i * 7919 % 100000));
            rowNumber.append(i + 1);
        }
        t.addColumns(customer, rowNumber);
        Partition p = Partition.of(t, "income", PartitionSpec.by("sex"));
        assertFalse(p.defaultFeatures().contains("customer") || p.defaultFeatures().contains("row_number"));
        assertTrue(p.defaultFeatures().contains("age") && p.defaultFeatures().contains("fnlwgt"), "measurements stay");
        assertEquals("Left out of the features: customer, row_number (a different value in every row, like an id: a model"
                + " could only memorise rows). Name them in features= to use them anyway.", p.notes().get(0));
        PartitionedModel<?> m = PartitionedTrainer.of(new XClassifier(), p.spec()).fit(p.data(), p.target());
        assertFalse(m.features().contains("customer"));
        PartitionedModel<?> named = PartitionedTrainer.of(new XClassifier(), p.spec()).features(List.of("age", "customer"))
                .fit(p.data(), p.target());
        assertTrue(named.features().contains("customer"), "named in features=, it is used");
        assertFalse(p.featureCandidates().contains("income") || p.featureCandidates().contains("sex"),
                "Tab completion never offers the target or a partition column as a feature");
    }
}
