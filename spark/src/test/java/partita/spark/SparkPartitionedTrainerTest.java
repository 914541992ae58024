package partita.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import partita.PartitaException;
import partita.io.ModelJson;
import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.XClassifier;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.Policy;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.ValueMapping;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** A partitioned classifier trained on Spark is the one trained in process on the same rows. */
class SparkPartitionedTrainerTest extends LocalSpark {

    /** Every segment the same, to the bit: status, reason, rows, parameters, features, model, training AUC, drift reference. */
    static void assertSameModel(PartitionedModel<ClassifierModel> local, PartitionedModel<ClassifierModel> spark,
                                Table rows) {
        eachSegment(local, spark, (a, b) -> {
            String at = a.name();
            assertEquals(a.params(), b.params(), at);
            assertEquals(a.trainingMetric(), b.trainingMetric(), 0.0, at);
            if (a.trained()) {
                assertEquals(ModelJson.toJson(a.model()), ModelJson.toJson(b.model()), at);
                assertArrayEquals(a.reference().edges(), b.reference().edges(), at);
                assertArrayEquals(a.reference().shares(), b.reference().shares(), at);
            }
        });
        assertArrayEquals(local.predictScore(rows), spark.predictScore(rows));
        assertArrayEquals(local.predictProba(rows), spark.predictProba(rows));
        assertEquals(local.summary().table().removeColumns("fit_ms").toString(),
                spark.summary().table().removeColumns("fit_ms").toString());
    }

    @Test
    void aHierarchyWithAMappingOverridesAndSubsetsIsTheLocalModel() {
        Table adult = Table.read().usingOptions(CsvReadOptions.builder(
                DATA.resolve("adult.csv").toFile()).missingValueIndicator("?"));
        // some rows without a target: left out of training, and reported, in both
        StringColumn income = adult.stringColumn("income");
        for (int i = 0; i < adult.rowCount(); i += 97) {
            income.setMissing(i);
        }
        List<String> features = List.of("age", "workclass", "education_num", "occupation", "capital_gain",
                "hours_per_week", "marital_status");
        ValueMapping regions = new ValueMapping(Map.of("North America", List.of("United-States", "Canada")),
                "Elsewhere");
        PartitionedTrainer<ClassifierModel> trainer = PartitionedTrainer.of(
                        new XClassifier(Params.builder().maxDepth(5).build()),
                        PartitionSpec.by("native_country", "sex").minSizes(1000, 600).map("native_country", regions))
                .features(features).policy(Policy.AUTO).threads(2)
                .override("North America > Male", p -> p.maxDepth(7))
                .features("Elsewhere", "age", "education_num");
        PartitionedModel<ClassifierModel> local = trainer.fit(adult, "income");
        Dataset<Row> data = SparkTables.toDataset(spark, adult).repartition(6);
        PartitionedModel<ClassifierModel> onSpark = SparkPartitionedTrainer.of(trainer).fit(data, "income");
        assertTrue(local.segments().stream().anyMatch(s -> !s.trained()), "some segments fall back");
        assertTrue(local.segments().stream().anyMatch(s -> s.reason().contains("without a target")));
        assertSameModel(local, onSpark, adult);
    }

    @Test
    void aDerivedSeasonIsTheLocalModel() {
        Table weather = Table.read().csv(DATA.resolve("seattle-weather.csv").toString());
        StringColumn wet = StringColumn.create("wet");
        weather.doubleColumn("precipitation").forEach(p -> wet.append(p > 0 ? "yes" : "no"));
        weather.addColumns(wet).removeColumns("precipitation", "weather");
        PartitionedTrainer<ClassifierModel> trainer = PartitionedTrainer.of(new XClassifier(),
                        PartitionSpec.of(partita.partition.segment.Level.derived(
                                partita.partition.segment.Derivation.SEASON, "date")).minSize(200))
                .features(List.of("temp_max", "temp_min", "wind")).threads(2);
        PartitionedModel<ClassifierModel> local = trainer.fit(weather, "wet");
        PartitionedModel<ClassifierModel> onSpark = SparkPartitionedTrainer.of(trainer)
                .fit(SparkTables.toDataset(spark, weather).repartition(3), "wet");
        assertEquals(5, local.segments().size(), "__dataset__ and four seasons");
        assertSameModel(local, onSpark, weather);
    }

    @Test
    void optimisedSegmentsPulledTowardTheirParentsAreTheLocalModel() {
        Table adult = Table.read().usingOptions(CsvReadOptions.builder(
                DATA.resolve("adult.csv").toFile()).missingValueIndicator("?"));
        List<String> features = List.of("age", "workclass", "education_num", "occupation", "capital_gain",
                "hours_per_week");
        ValueMapping regions = new ValueMapping(Map.of("North America", List.of("United-States", "Canada")),
                "Elsewhere");
        PartitionedTrainer<ClassifierModel> trainer = PartitionedTrainer.of(
                        new XClassifier(Params.builder().maxDepth(4).optimise(true).build()),
                        PartitionSpec.by("native_country", "sex").minSizes(1000, 600).map("native_country", regions))
                .features(features).threads(2)
                .override("North America > Female", p -> p.optimise(false)) // a reference segment among optimised ones
                .override("Elsewhere", p -> p.penalty(50));
        PartitionedModel<ClassifierModel> local = trainer.fit(adult, "income");
        PartitionedModel<ClassifierModel> onSpark = SparkPartitionedTrainer.of(trainer)
                .fit(SparkTables.toDataset(spark, adult).repartition(5), "income");
        assertTrue(local.segments().stream().filter(s -> s.trained() && s.model().optimised()).count() >= 3);
        assertTrue(local.segments().stream().anyMatch(s -> s.trained() && !s.model().optimised()));
        eachSegment(local, onSpark, (a, b) -> {
            String at = a.name();
            assertEquals(a.params(), b.params(), at);
            assertEquals(a.trainingMetric(), b.trainingMetric(), 1e-7, at);
            if (a.trained()) {
                assertEquals(a.model().penalty(), b.model().penalty(), 0.0, at + ": the same penalty chosen");
                assertSameLeaves(a.model(), b.model(), 1e-7, at);
                assertArrayEquals(a.reference().edges(), b.reference().edges(), 1e-7, at);
            }
        });
        double[] p = local.predictProba(adult);
        double[] q = onSpark.predictProba(adult);
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 1e-7, "row " + i); // 4e-10 at most here
        }
        // again, with one segment per pass (a tiny Hessian budget): the same bits
        spark.conf().set(SparkOptimise.HESSIAN_MB, "0");
        try {
            PartitionedModel<ClassifierModel> again = SparkPartitionedTrainer.of(trainer)
                    .fit(SparkTables.toDataset(spark, adult).repartition(5), "income");
            assertArrayEquals(onSpark.predictScore(adult), again.predictScore(adult), "the same on every run");
        } finally {
            spark.conf().unset(SparkOptimise.HESSIAN_MB);
        }
    }

    /** The same leaves (bounds, categories, counts) with scores and base values within {@code tolerance}. */
    static void assertSameLeaves(partita.model.TransparentModel a, partita.model.TransparentModel b, double tolerance,
                                 String at) {
        assertEquals(a.baseValue(), b.baseValue(), tolerance, at);
        List<partita.model.FeatureData> fa = a.snapshot().features();
        List<partita.model.FeatureData> fb = b.snapshot().features();
        assertEquals(fa.size(), fb.size(), at);
        for (int j = 0; j < fa.size(); j++) {
            List<partita.model.Leaf> la = fa.get(j).leaves();
            List<partita.model.Leaf> lb = fb.get(j).leaves();
            assertEquals(la.size(), lb.size(), at + " " + fa.get(j).name());
            for (int l = 0; l < la.size(); l++) {
                String where = at + " " + fa.get(j).name() + " leaf " + l;
                assertEquals(la.get(l).lower(), lb.get(l).lower(), where);
                assertEquals(la.get(l).upper(), lb.get(l).upper(), where);
                assertEquals(la.get(l).category(), lb.get(l).category(), where);
                assertEquals(la.get(l).count(), lb.get(l).count(), where);
                assertEquals(la.get(l).score(), lb.get(l).score(), tolerance, where);
            }
        }
    }

    @Test
    void whatSparkCannotDoIsRefusedClearly() {
        PartitionSpec spec = PartitionSpec.by("sex");
        assertTrue(assertThrows(PartitaException.class, () -> SparkPartitionedTrainer.of(
                PartitionedTrainer.of(new XClassifier(), spec))).getMessage().contains("Name the features"));
        assertTrue(assertThrows(PartitaException.class, () -> SparkPartitionedTrainer.of(
                PartitionedTrainer.of(new XClassifier(), spec).features(List.of("age")).guarded(0.2, 1)))
                .getMessage().contains("Guarded routing is not available on Spark"));
    }
}
