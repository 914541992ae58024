package partita.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import partita.PartitaException;
import partita.data.DataSplit;
import partita.eval.ClassificationReport;
import partita.eval.Metric;
import partita.io.ModelFiles;
import partita.model.ClassifierModel;
import partita.model.Estimator;
import partita.model.Kind;
import partita.model.Params;
import partita.model.TrainingData;
import partita.model.XClassifier;
import partita.partition.segment.PartitionSpec;
import tech.tablesaw.api.Table;

/** The partitioned API as a meta-estimator: the shape of the redesign, end to end. */
class MetaEstimatorTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void theIssueSnippetRunsAsShown() {
        DataSplit split = DataSplit.of(Data.adult(), 0.25, 42);
        Table train = split.train();
        Table test = split.test();
        Path path = dir.resolve("m.json");

        var spec = PartitionSpec.by("relationship").minSize(300);
        PartitionedModel<ClassifierModel> m =
            PartitionedTrainer.of(new XClassifier(Params.builder().maxDepth(6).build()), spec)
                .override("Husband", p -> p.maxDepth(8))       // per-segment params, typed
                .features("Husband", "age", "hours_per_week")  // per-segment feature subset
                .threads(2)
                .fit(train, "income");
        double[] s = m.predictScore(test);
        Comparison c = m.compare(test);          // typed result; c.table() is the Table view
        PartitionedModel<ClassifierModel> r = m.refit(p -> p.maxDepth(4), "Husband");
        ModelFiles.save(m, path);                // one save/load for every model type
        PartitionedModel<ClassifierModel> back = ModelFiles.load(path, PartitionedModel.class);

        ClassifierModel husband = m.model("Husband"); // the segment model's own type, no cast
        assertEquals(List.of("age", "hours_per_week"), husband.features());
        assertEquals(8, m.segment("Husband").params().maxDepth());
        assertEquals(6, m.segment("Wife").params().maxDepth());
        assertEquals(4, r.segment("Husband").params().maxDepth());
        assertSame(m.model("Wife"), r.model("Wife"), "a refit of one segment leaves the others alone");
        assertArrayEquals(s, back.predictScore(test));
        assertEquals(c.table().toString(), back.compare(test).table().toString());
        assertEquals(Map.of("Husband", Map.of("max_depth", 8)), back.trainer().overrides());
        assertEquals(test.rowCount(), c.table().intColumn("rows").get(0));
    }

    @Test
    void evaluateAndCompareGiveTheSameNumbersForTheSameRows() {
        DataSplit split = DataSplit.of(Data.adult(), 0.25, 42);
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex"))
                .threads(2).fit(split.train(), "income");
        ClassificationReport single = m.datasetModel().evaluate(split.test(), "income");
        Comparison.Row all = m.compare(split.test()).overall();
        assertEquals(single.auc(), all.single().get(Metric.AUC), 0.0);
        assertEquals(single.accuracy(), all.single().get(Metric.ACCURACY), 0.0);
        assertEquals(single.logLoss(), all.single().get(Metric.LOG_LOSS), 0.0);
        // and the training summary's train_auc is the same metric on the training rows
        Segment female = m.segment("Female");
        Table femaleRows = split.train().where(split.train().stringColumn("sex").isEqualTo("Female"));
        assertEquals(m.model("Female").evaluate(femaleRows, "income").auc(), female.trainingMetric(), 1e-15);
    }

    /** A learner the partition code has never seen: it wraps XClassifier and records each fit. */
    record CountingEstimator(XClassifier inner, List<Integer> fits) implements Estimator<ClassifierModel> {
        @Override
        public Kind kind() {
            return inner.kind();
        }

        @Override
        public Params params() {
            return inner.params();
        }

        @Override
        public CountingEstimator withParams(Params p) {
            return new CountingEstimator(inner.withParams(p), fits);
        }

        @Override
        public ClassifierModel fit(TrainingData data, int[] rows, List<String> features, ClassifierModel prior) {
            fits.add(rows == null ? -1 : rows.length);
            return inner.fit(data, rows, features, prior);
        }
    }

    @Test
    void anyEstimatorPlugsIn() {
        List<Integer> fits = Collections.synchronizedList(new ArrayList<>());
        Table adult = Data.adult();
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new CountingEstimator(new XClassifier(), fits),
                PartitionSpec.by("sex")).threads(2).fit(adult, "income");
        assertEquals(3, fits.size(), "__dataset__, Female, Male");
        assertEquals(List.of(adult.rowCount()), fits.stream().filter(n -> n == adult.rowCount()).toList());
        PartitionedModel<ClassifierModel> plain = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex"))
                .threads(2).fit(adult, "income");
        assertArrayEquals(plain.predictScore(adult), m.predictScore(adult));
    }

    @Test
    void overridesAreTypedAndCheckedWhenGiven() {
        PartitionedTrainer<ClassifierModel> t = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex"));
        assertEquals(Map.of("Male", Map.of("max_depth", 3, "min_info_gain", 0.01)),
                t.override("Male", p -> p.maxDepth(3)).override("Male", p -> p.minInfoGain(0.01)).overrides(),
                "a second override of a segment adds to the first");
        PartitaException bad = assertThrows(PartitaException.class, () -> t.override("Male", p -> p.maxDepth(-1)));
        assertTrue(bad.getMessage().contains("max_depth=-1"), bad.getMessage());
        assertThrows(PartitaException.class, () -> t.features("Male"));
        PartitionedModel<ClassifierModel> m = t.override("Male", p -> p.maxDepth(3)).threads(2)
                .fit(Data.adult(), "income");
        assertEquals(3, m.segment("Male").params().maxDepth());
        assertNotEquals(3, m.segment("Female").params().maxDepth());
    }

    @Test
    void aRegressorHasNoProbabilities() {
        Table cars = Data.cars();
        cars.removeColumns("Year");
        var m = PartitionedTrainer.of(Kind.REGRESSOR.estimator(Params.defaults()), PartitionSpec.by("Origin").minSize(30))
                .threads(1).fit(cars, "Miles_per_Gallon");
        PartitaException e = assertThrows(PartitaException.class, () -> m.predictProba(cars));
        assertTrue(e.getMessage().startsWith("predictProba applies to a partitioned classifier; this one is a regressor"),
                e.getMessage());
        assertEquals(cars.rowCount(), m.predict(cars).size());
        assertTrue(m.predict(cars).get(0) instanceof Double);
    }
}
