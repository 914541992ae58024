package partita.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import partita.data.JsonTables;
import partita.model.Leaf;
import partita.model.Params;
import partita.model.RegressorModel;
import partita.model.TransparentModel;
import partita.model.XRegressor;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.Policy;
import partita.partition.segment.Derivation;
import partita.partition.segment.Level;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.ValueMapping;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A regressor trained on Spark is the one trained in process on the same rows: the same
 * segments, leaves and counts, predictions within 1e-12 relative and each leaf's score within
 * 1e-10 of max(1, |score|) (its sums of doubles merge in another order); and the same bits on
 * every run.
 */
class SparkRegressorTest extends LocalSpark {

    /**
     * Relative to max(1, |value|), for leaf scores and statistics. The sums of doubles differ in
     * their last bits (another order of addition); the ridge step's solve amplifies that, to 5e-12
     * on a near-zero leaf score of cars' 400 rows, while the predictions stay within 1e-14.
     */
    private static final double TOLERANCE = 1e-10;

    /** Predictions: the 1e-12 relative. */
    private static void predictionsClose(double[] expected, double[] actual, String at) {
        assertEquals(expected.length, actual.length, at);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * Math.abs(expected[i]), at + " [" + i + "]");
        }
    }

    private static void close(double expected, double actual, String at) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), at + ": NaN expected, was " + actual);
            return;
        }
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), at);
    }

    private static void close(double[] expected, double[] actual, String at) {
        assertEquals(expected.length, actual.length, at);
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], actual[i], at + " [" + i + "]");
        }
    }

    /** The same leaves (bounds, categories, counts) with scores within the tolerance. */
    static void assertSameModel(TransparentModel a, TransparentModel b, String at) {
        assertEquals(a.features(), b.features(), at);
        close(a.baseValue(), b.baseValue(), at + " base value");
        for (int j = 0; j < a.features().size(); j++) {
            List<Leaf> x = a.snapshot().features().get(j).leaves();
            List<Leaf> y = b.snapshot().features().get(j).leaves();
            String f = at + " / " + a.features().get(j);
            assertEquals(x.size(), y.size(), f);
            for (int l = 0; l < x.size(); l++) {
                assertEquals(x.get(l).lower(), y.get(l).lower(), f);
                assertEquals(x.get(l).upper(), y.get(l).upper(), f);
                assertEquals(x.get(l).category(), y.get(l).category(), f);
                assertEquals(x.get(l).count(), y.get(l).count(), f);
                close(x.get(l).score(), y.get(l).score(), f + " score");
            }
        }
    }

    static void assertSameModel(PartitionedModel<RegressorModel> local, PartitionedModel<RegressorModel> spark,
                                Table rows) {
        eachSegment(local, spark, (a, b) -> {
            String at = a.name();
            if (a.params() == null || b.params() == null) {
                assertEquals(a.params(), b.params(), at);
            } else { // the auto policy's min_info_gain is a ratio of variances, summed in another order
                assertEquals(a.params().toBuilder().minInfoGain(0).build(), b.params().toBuilder().minInfoGain(0).build(),
                        at);
                close(a.params().minInfoGain(), b.params().minInfoGain(), at + " min_info_gain");
            }
            close(a.trainingMetric(), b.trainingMetric(), at + " training R²");
            if (a.trained()) {
                assertSameModel(a.model(), b.model(), at);
                close(a.reference().edges(), b.reference().edges(), at + " drift edges");
                assertArrayEquals(a.reference().shares(), b.reference().shares(), at);
            }
        });
        predictionsClose(local.predictScore(rows), spark.predictScore(rows), "scores");
        assertEquals(local.scoredBy(rows), spark.scoredBy(rows));
    }

    @Test
    void aRegressorTrainedOnSparkIsTheLocalOne() {
        Table adult = Table.read().usingOptions(CsvReadOptions.builder(
                DATA.resolve("adult.csv").toFile()).missingValueIndicator("?"));
        List<String> features = List.of("age", "workclass", "education_num", "occupation", "capital_gain", "sex",
                "relationship");
        XRegressor estimator = new XRegressor(Params.builder().maxDepth(6).minInfoGain(0.001).build());
        RegressorModel local = estimator.fit(adult, "hours_per_week", features);
        RegressorModel onSpark = SparkTraining.fit(estimator, SparkTables.toDataset(spark, adult).repartition(5),
                "hours_per_week", features);
        assertSameModel(local, onSpark, "adult");
        predictionsClose(local.predict(adult), onSpark.predict(adult), "predictions");
    }

    @Test
    void aPartitionedRegressorWithAHierarchyAMappingAndMissingTargetsIsTheLocalOne() {
        Table adult = Table.read().usingOptions(CsvReadOptions.builder(
                DATA.resolve("adult.csv").toFile()).missingValueIndicator("?"));
        IntColumn hours = adult.intColumn("hours_per_week");
        for (int i = 0; i < adult.rowCount(); i += 89) {
            hours.setMissing(i);
        }
        ValueMapping regions = new ValueMapping(Map.of("North America", List.of("United-States", "Canada")),
                "Elsewhere");
        PartitionedTrainer<RegressorModel> trainer = PartitionedTrainer.of(
                        new XRegressor(Params.builder().maxDepth(5).build()),
                        PartitionSpec.by("native_country", "sex").minSizes(1000, 600).map("native_country", regions))
                .features(List.of("age", "workclass", "education_num", "occupation", "marital_status", "income"))
                .policy(Policy.AUTO).threads(2)
                .override("North America > Male", p -> p.maxDepth(7))
                .features("Elsewhere", "age", "education_num");
        PartitionedModel<RegressorModel> local = trainer.fit(adult, "hours_per_week");
        PartitionedModel<RegressorModel> first = SparkPartitionedTrainer.of(trainer)
                .fit(SparkTables.toDataset(spark, adult).repartition(6), "hours_per_week");
        assertTrue(local.segments().stream().anyMatch(s -> s.reason().contains("without a target")));
        assertSameModel(local, first, adult);
        PartitionedModel<RegressorModel> second = SparkPartitionedTrainer.of(trainer)
                .fit(SparkTables.toDataset(spark, adult).repartition(6), "hours_per_week");
        assertArrayEquals(first.predictScore(adult), second.predictScore(adult), "the same bits on every run");
    }

    @Test
    void aDerivedSeasonIsTheLocalModel() {
        Table cars = JsonTables.read(DATA.resolve("cars.json"));
        PartitionedTrainer<RegressorModel> trainer = PartitionedTrainer.of(new XRegressor(),
                        PartitionSpec.by("Origin").minSize(40).then(Level.derived(Derivation.SEASON, "Year")
                                .withMinSize(30)))
                .features(List.of("Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration"));
        PartitionedModel<RegressorModel> local = trainer.fit(cars, "Miles_per_Gallon");
        PartitionedModel<RegressorModel> onSpark = SparkPartitionedTrainer.of(trainer)
                .fit(SparkTables.toDataset(spark, cars).repartition(3), "Miles_per_Gallon");
        assertTrue(local.segments().size() > 3, "origins and their seasons");
        assertSameModel(local, onSpark, cars);
    }

    @Test
    void optimisedRegressorsAreTheLocalOnes() {
        Table cars = JsonTables.read(DATA.resolve("cars.json"));
        PartitionedTrainer<RegressorModel> trainer = PartitionedTrainer.of(
                        new XRegressor(Params.builder().optimise(true).build()),
                        PartitionSpec.by("Origin").minSize(40).then(Level.derived(Derivation.SEASON, "Year")
                                .withMinSize(30)))
                .features(List.of("Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration"));
        PartitionedModel<RegressorModel> local = trainer.fit(cars, "Miles_per_Gallon");
        PartitionedModel<RegressorModel> onSpark = SparkPartitionedTrainer.of(trainer)
                .fit(SparkTables.toDataset(spark, cars).repartition(3), "Miles_per_Gallon");
        eachSegment(local, onSpark, (a, b) -> {
            if (a.trained()) {
                assertTrue(a.model().optimised(), a.name());
                assertEquals(a.model().penalty(), b.model().penalty(), 0.0, a.name());
                SparkPartitionedTrainerTest.assertSameLeaves(a.model(), b.model(), 1e-9, a.name());
                assertEquals(a.trainingMetric(), b.trainingMetric(), 1e-9, a.name());
            }
        });
        close(local.predictScore(cars), onSpark.predictScore(cars), "partitioned scores");

        XRegressor single = new XRegressor(Params.builder().optimise(true).penalty(20).build());
        List<String> features = List.of("Cylinders", "Horsepower", "Weight_in_lbs", "Origin");
        Table known = cars.dropWhere(cars.column("Miles_per_Gallon").isMissing());
        RegressorModel alone = single.fit(known, "Miles_per_Gallon", features);
        RegressorModel sparkAlone = SparkTraining.fit(single, SparkTables.toDataset(spark, known).repartition(4),
                "Miles_per_Gallon", features);
        SparkPartitionedTrainerTest.assertSameLeaves(alone, sparkAlone, 1e-9, "one model");
    }
}
