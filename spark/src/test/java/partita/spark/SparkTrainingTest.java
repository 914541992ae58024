package partita.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import partita.PartitaException;
import partita.io.ModelJson;
import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.XClassifier;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** A classifier trained on Spark from aggregated counts is the classifier trained on the rows, bit for bit. */
class SparkTrainingTest extends LocalSpark {

    @Test
    void aClassifierTrainedOnSparkIsTheLocalOne() {
        Table adult = Table.read().usingOptions(CsvReadOptions.builder(
                DATA.resolve("adult.csv").toFile()).missingValueIndicator("?"));
        List<String> features = adult.columnNames().stream().filter(c -> !c.equals("income")).toList();
        XClassifier estimator = new XClassifier(Params.builder().maxDepth(6).minInfoGain(0.001).build());
        ClassifierModel local = estimator.fit(adult, "income", features);
        Dataset<Row> data = SparkTables.toDataset(spark, adult).repartition(5);
        ClassifierModel onSpark = SparkTraining.fit(estimator, data, "income", features);
        assertEquals(ModelJson.toJson(local), ModelJson.toJson(onSpark), "leaves, scores, calibration: the same bits");
        assertArrayEquals(local.predictProba(adult), onSpark.predictProba(adult));
    }

    @Test
    void anOptimisedClassifierTrainedOnSparkIsTheLocalOne() {
        Table adult = Table.read().usingOptions(CsvReadOptions.builder(
                DATA.resolve("adult.csv").toFile()).missingValueIndicator("?"));
        List<String> features = List.of("age", "workclass", "education_num", "marital_status", "occupation",
                "capital_gain", "hours_per_week");
        XClassifier estimator = new XClassifier(Params.builder().maxDepth(5).optimise(true).build());
        ClassifierModel local = estimator.fit(adult, "income", features);
        ClassifierModel onSpark = SparkTraining.fit(estimator, SparkTables.toDataset(spark, adult).repartition(5),
                "income", features);
        assertTrue(onSpark.optimised());
        assertEquals(local.penalty(), onSpark.penalty(), 0.0, "the same penalty chosen by marginal likelihood");
        SparkPartitionedTrainerTest.assertSameLeaves(local, onSpark, 1e-7, "adult");
        double[] p = local.predictProba(adult);
        double[] q = onSpark.predictProba(adult);
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 1e-7, "row " + i);
        }
    }

    @Test
    void badTargetsAreRefusedAsLocally() {
        Table adult = Table.read().csv(DATA.resolve("adult.csv").toString()).first(200);
        Dataset<Row> data = SparkTables.toDataset(spark, adult);
        PartitaException three = assertThrows(PartitaException.class, () -> SparkTraining.fit(new XClassifier(),
                data, "race", List.of("age")));
        assertTrue(three.getMessage().contains("a binary classifier needs exactly two"), three.getMessage());
        PartitaException unknown = assertThrows(PartitaException.class, () -> SparkTraining.fit(
                new XClassifier(), data, "income", List.of("agee")));
        assertTrue(unknown.getMessage().contains("Did you mean: age?"), unknown.getMessage());
    }
}
