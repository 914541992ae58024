package partita.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import partita.PartitaException;
import partita.eval.Metric;
import partita.eval.Metrics;
import partita.eval.Predictions;
import partita.model.ClassifierModel;
import partita.model.Kind;
import partita.model.RegressorModel;
import partita.model.XClassifier;
import partita.model.XRegressor;
import partita.partition.segment.PartitionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/** Comparison, cross-validation, importance, monitoring and refit of partitioned models on real data. */
class UsingTest {

    static Table train;
    static Table test;
    static PartitionedModel<ClassifierModel> model;

    @BeforeAll
    static void fit() {
        Table adult = Data.adult();
        Selection testRows = Selection.withRange(0, 0);
        for (int i = 0; i < adult.rowCount(); i += 4) {
            testRows.add(i);
        }
        test = adult.where(testRows);
        train = adult.where(Selection.withRange(0, adult.rowCount()).andNot(testRows));
        model = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship").minSize(1000)).threads(2).fit(train, "income");
    }

    private static double[] truth(Table t) {
        return t.stringColumn("income").asList().stream().mapToDouble(v -> v.equals(">50K") ? 1 : 0).toArray();
    }

    @Test
    void comparisonUsesCalibratedProbabilitiesOverallAndPerSegment() {
        Comparison c = model.compare(test);
        Table t = c.table();
        assertEquals(List.of("segment", "rows", "single_auc", "partitioned_auc", "improvement_auc", "single_accuracy",
                "partitioned_accuracy", "improvement_accuracy", "single_log_loss", "partitioned_log_loss",
                "improvement_log_loss", "verdict"), t.columnNames());
        assertEquals(List.of("ALL", "__dataset__", "Husband", "Not-in-family", "Own-child", "Unmarried", "Wife"),
                t.stringColumn("segment").asList(), "Other-relative (too small on the training rows) is scored by __dataset__");
        double[] y = truth(test);
        double[] single = model.datasetModel().predictProba(test);
        double[] part = model.predictProba(test);
        Comparison.Row all = c.overall();
        assertEquals(test.rowCount(), all.rows());
        assertEquals(Metrics.auc(y, single), all.single().get(Metric.AUC), 0.0);
        assertEquals(Metrics.auc(y, part), all.partitioned().get(Metric.AUC), 0.0);
        assertEquals(Metrics.accuracy(y, part, 0.5), all.partitioned().get(Metric.ACCURACY), 0.0);
        assertEquals(Metrics.logLoss(y, part), all.partitioned().get(Metric.LOG_LOSS), 0.0);
        assertEquals(all.partitioned().get(Metric.LOG_LOSS) - all.single().get(Metric.LOG_LOSS), -all.improvement(Metric.LOG_LOSS), 0.0);
        Comparison.Row fallback = c.row("__dataset__");
        assertEquals(fallback.single(), fallback.partitioned(), "fallback rows score the same under both");
        assertEquals("same", fallback.verdict());
        // the observation on adult by relationship: calibrated probabilities gain AUC and accuracy
        assertTrue(all.improvement(Metric.AUC) > 0.005, "auc gain " + all.improvement(Metric.AUC));
        assertTrue(all.improvement(Metric.ACCURACY) > 0, "accuracy gain " + all.improvement(Metric.ACCURACY));
        String statement = c.statement();
        assertTrue(statement.startsWith("Overall the partitioned model is better than the single model (auc +"),
                statement);
        List<String> worse = c.rows().stream().skip(1).filter(r -> r.verdict().equals("worse"))
                .map(Comparison.Row::segment).toList();
        assertEquals(worse.isEmpty(), statement.contains("No segment is worse"), statement);
        worse.forEach(w -> assertTrue(statement.contains(w + " (auc -"), statement));
    }

    @Test
    void regressorComparisonOnCars() {
        Table cars = Data.cars();
        Selection testRows = Selection.withRange(0, 0);
        for (int i = 0; i < cars.rowCount(); i += 3) {
            testRows.add(i);
        }
        Table carsTest = cars.where(testRows);
        PartitionedModel<RegressorModel> m = PartitionedTrainer.of(new XRegressor(), PartitionSpec.by("Origin").minSize(30))
                .features(List.of("Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration")).threads(2)
                .fit(cars.where(Selection.withRange(0, cars.rowCount()).andNot(testRows)), "Miles_per_Gallon");
        Comparison c = m.compare(carsTest);
        assertEquals(List.of("segment", "rows", "single_mae", "partitioned_mae", "improvement_mae", "single_rmse",
                "partitioned_rmse", "improvement_rmse", "single_r2", "partitioned_r2", "improvement_r2", "verdict"),
                c.table().columnNames());
        int labelled = carsTest.rowCount() - carsTest.doubleColumn("Miles_per_Gallon").countMissing();
        assertEquals(labelled, c.overall().rows(), "rows without mpg are left out");
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < carsTest.rowCount(); i++) {
            if (!carsTest.doubleColumn("Miles_per_Gallon").isMissing(i)) {
                keep.add(i);
            }
        }
        double[] y = keep.stream().mapToDouble(i -> carsTest.doubleColumn("Miles_per_Gallon").get(i)).toArray();
        double[] all = m.predict(carsTest).stream().mapToDouble(v -> (Double) v).toArray();
        double[] p = keep.stream().mapToDouble(i -> all[i]).toArray();
        assertEquals(Metrics.rmse(y, p), c.overall().partitioned().get(Metric.RMSE), 1e-12);
        assertEquals(Metrics.r2(y, p), c.overall().partitioned().get(Metric.R2), 1e-12);
        assertTrue(c.overall().partitioned().get(Metric.R2) > 0.6, "mpg is predictable: r2 " + c.overall().partitioned());
        assertEquals(List.of("ALL", "USA", "Europe", "Japan").stream().sorted().toList(),
                c.table().stringColumn("segment").asList().stream().sorted().toList());
    }

    @Test
    void crossValidationIsSeededAndSummarisesMeanAndSpread() {
        PartitionedTrainer<ClassifierModel> p = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("Island").minSize(40)).threads(2)
                .features(List.of("Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"));
        CrossValidation cv = p.crossValidate(Data.penguinsClean(), "Sex", 4, 11);
        CrossValidation again = p.crossValidate(Data.penguinsClean(), "Sex", 4, 11);
        Table t = cv.table();
        assertEquals(t.toString(), again.table().toString(), "same seed, same result");
        assertEquals(4, cv.folds().size());
        assertEquals(List.of("segment", "folds", "rows", "single_auc_mean", "single_auc_std", "partitioned_auc_mean",
                "partitioned_auc_std", "improvement_auc_mean", "improvement_auc_std"), t.columnNames().subList(0, 9));
        assertEquals("ALL", t.stringColumn("segment").get(0));
        assertEquals(333, t.intColumn("rows").get(0), "every labelled penguin is held out once");
        double[] gains = cv.folds().stream().mapToDouble(c -> c.overall().improvement(Metric.AUC)).toArray();
        assertEquals(CrossValidation.mean(gains), t.doubleColumn("improvement_auc_mean").get(0), 1e-15);
        assertEquals(CrossValidation.std(gains), t.doubleColumn("improvement_auc_std").get(0), 1e-15);
        assertTrue(List.of("better", "worse", "within noise").contains(t.stringColumn("verdict").get(0)));
        assertTrue(cv.statement().startsWith("Over 4 folds (seed 11) the partitioned model is "), cv.statement());
        CrossValidation other = p.crossValidate(Data.penguinsClean(), "Sex", 4, 12);
        assertFalse(t.toString().equals(other.table().toString()), "another seed deals other folds");
        assertTrue(assertThrows(PartitaException.class, () -> p.crossValidate(Data.penguinsClean(), "Sex",
                1, 1)).getMessage().contains("folds=1 is out of range"));
    }

    @Test
    void importanceMatrixTopFeaturesAndMostVarying() {
        ImportanceMatrix im = model.importance();
        Table t = im.table();
        assertEquals(List.of("feature", "__dataset__", "Husband", "Not-in-family", "Own-child", "Unmarried", "Wife"),
                t.columnNames());
        assertEquals(model.features(), t.stringColumn("feature").asList());
        for (String s : model.trainedSegments()) {
            Map<String, Double> imp = model.model(s).featureImportances();
            assertEquals(1.0, t.doubleColumn(s).sum(), 1e-9, s);
            assertEquals(imp.get("age"), im.get("age", s), 0.0);
        }
        Table top = im.top(3);
        assertEquals(18, top.rowCount());
        for (int i = 0; i < top.rowCount(); i += 3) {
            assertEquals(1, top.intColumn("rank").get(i));
            assertTrue(top.doubleColumn("importance").get(i) >= top.doubleColumn("importance").get(i + 1));
            String seg = top.stringColumn("segment").get(i);
            double best = model.model(seg).featureImportances().values().stream().mapToDouble(Double::doubleValue).max()
                    .orElseThrow();
            assertEquals(best, top.doubleColumn("importance").get(i), 0.0);
        }
        Table varying = im.mostVarying(5);
        assertEquals(5, varying.rowCount());
        for (int i = 1; i < 5; i++) {
            assertTrue(varying.doubleColumn("std").get(i - 1) >= varying.doubleColumn("std").get(i));
        }
        String f = varying.stringColumn("feature").get(0);
        double[] v = model.trainedSegments().stream().skip(1).mapToDouble(s -> im.get(f, s)).toArray();
        double mean = CrossValidation.mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        assertEquals(Math.sqrt(ss / v.length), varying.doubleColumn("std").get(0), 1e-12);
        assertTrue(assertThrows(PartitaException.class, () -> im.get("age", "Other-relative")).getMessage()
                .contains("Unknown trained segment"));

        PartitionedModel<ClassifierModel> subset = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex")).threads(2)
                .features("Female", "age", "education_num").fit(train, "income");
        ImportanceMatrix sm = subset.importance();
        assertTrue(Double.isNaN(sm.get("hours_per_week", "Female")), "a feature a segment does not use is missing");
        assertEquals(2, sm.top(5).where(sm.top(5).stringColumn("segment").isEqualTo("Female")).rowCount());
    }

    @Test
    void monitoringReportsMetricsAlertsNewSegmentsAndDrift() {
        // on its own training rows the score distribution matches its reference exactly
        MonitorReport self = model.monitor(train, 0.5, 10);
        assertTrue(self.table().doubleColumn("psi").asList().stream().allMatch(p -> Math.abs(p) < 1e-12),
                self.table().print());
        assertTrue(self.alerts().isEmpty(), self.alerts().toString());

        StringColumn rel = test.stringColumn("relationship");
        Table fresh = Data.withText(test, "relationship", i -> i < 60 ? "Stepchild" : rel.get(i));
        MonitorReport r = model.monitor(fresh, 0.85, 50);
        Table s = r.table();
        assertEquals(s.rowCount(), r.rows().size(), "one typed row per table row");
        for (int i = 0; i < s.rowCount(); i++) {
            MonitorReport.Row row = r.rows().get(i);
            assertEquals(s.stringColumn("segment").get(i), row.segment());
            assertEquals(s.booleanColumn("alert").get(i), row.alert());
            assertEquals(s.doubleColumn("auc").get(i), row.metrics().get(Metric.AUC));
        }
        assertEquals(List.of("segment", "rows", "labelled", "auc", "accuracy", "log_loss", "psi", "drift", "alert", "note"),
                s.columnNames());
        double[] y = truth(fresh);
        double[] p = model.predictProba(fresh);
        for (int i = 0; i < s.rowCount(); i++) {
            String seg = s.stringColumn("segment").get(i);
            List<Integer> rows = new ArrayList<>();
            Table route = model.route(fresh);
            for (int j = 0; j < fresh.rowCount(); j++) {
                if (route.stringColumn("model").get(j).equals(seg)) {
                    rows.add(j);
                }
            }
            double auc = Metrics.auc(rows.stream().mapToDouble(j -> y[j]).toArray(),
                    rows.stream().mapToDouble(j -> p[j]).toArray());
            assertEquals(auc, s.doubleColumn("auc").get(i), 0.0, seg);
            assertEquals(auc < 0.85 || s.doubleColumn("psi").get(i) > 0.25, s.booleanColumn("alert").get(i), seg);
            if (auc < 0.85) {
                assertTrue(r.alerts().stream().anyMatch(a -> a.startsWith(seg + " (") && a.contains("auc ")), seg);
            }
        }
        Table news = r.newSegments();
        assertEquals(1, news.rowCount());
        assertEquals("Stepchild", news.stringColumn("segment").get(0));
        assertEquals("relationship", news.stringColumn("level").get(0));
        assertEquals(60, news.intColumn("rows").get(0));
        assertEquals("__dataset__", news.stringColumn("scored_by").get(0));
        assertTrue(r.alerts().contains("new segment Stepchild (60 rows) unseen in training, scored by __dataset__"));
        assertEquals(0, model.monitor(fresh, 0.85, 61).newSegments().rowCount());

        // drift: only the old (a shifted population) -> significant PSI
        Table old = test.where(test.intColumn("age").isGreaterThan(60));
        MonitorReport drift = model.monitor(old, Metric.LOG_LOSS, 0.6, 10);
        assertTrue(drift.table().doubleColumn("psi").asList().stream().anyMatch(x -> x > 0.25),
                drift.table().print());
        assertTrue(drift.alerts().stream().anyMatch(a -> a.contains("score drift psi")), drift.alerts().toString());
        assertTrue(assertThrows(PartitaException.class, () -> model.monitor(test, Metric.RMSE, 1, 1)).getMessage()
                .contains("Unknown classifier metric 'rmse'"));
    }

    @Test
    void refitChangesOnlyTheNamedSegments() {
        PartitionedModel<ClassifierModel> shallow = model.refit(b -> b.set("max_depth", "2"), List.of("Husband"), List.of());
        assertEquals(2, shallow.segment("Husband").params().maxDepth());
        assertTrue(shallow.model("Husband").leafCount() < model.model("Husband").leafCount());
        assertSame(model.model("Wife"), shallow.model("Wife"));
        assertNotSame(model.model("Husband"), shallow.model("Husband"));
        Table changes = shallow.changesFrom(model).table();
        assertEquals(1, changes.rowCount());
        assertEquals("max_depth=8", changes.stringColumn("params_before").get(0));
        assertEquals("max_depth=2", changes.stringColumn("params_after").get(0));
        int[] husbands = train.stringColumn("relationship").isEqualTo("Husband").toArray();
        double[] y = Predictions.pick(truth(train), husbands);
        assertEquals(Metrics.auc(y, shallow.model("Husband").predictProba(train, husbands)),
                changes.doubleColumn("train_auc_after").get(0), 0.0);
        assertEquals(Metrics.auc(y, model.model("Husband").predictProba(train, husbands)),
                changes.doubleColumn("train_auc_before").get(0), 0.0);
        // refitted scores equal a fresh fit with those parameters
        PartitionedModel<ClassifierModel> fresh = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship").minSize(1000)).threads(2)
                .override("Husband", b -> b.set("max_depth", "2")).fit(train, "income");
        assertArrayEquals(fresh.predictScore(test), shallow.predictScore(test));
        // a no-op refit of everything keeps every prediction
        PartitionedModel<ClassifierModel> same = model.refit(b -> b);
        assertArrayEquals(model.predictProba(test), same.predictProba(test));
        PartitionedModel<ClassifierModel> all = model.refit(b -> b.set("min_info_gain", "0.01"));
        assertTrue(all.trainedSegments().stream().allMatch(s -> all.segment(s).params().minInfoGain() == 0.01));
        assertTrue(assertThrows(PartitaException.class, () -> model.refit(b -> b.set("max_depth", "2"), List.of("Other-relative"), List.of())).getMessage().contains("has no model: it is too-small"));
        assertTrue(assertThrows(PartitaException.class, () -> model.refit(b -> b.set("max_dep", "2"))).getMessage()
                .contains("Did you mean: max_depth?"));
        assertTrue(assertThrows(PartitaException.class, () -> model.refit(b -> b.set("max_depth", "2"), List.of(), List.of("agee"))).getMessage().contains("Did you mean: age?"));
    }
}
