package partita.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import partita.PartitaException;
import partita.data.DataSplit;
import partita.data.JsonTables;
import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.RegressorModel;
import partita.model.XClassifier;
import partita.model.XRegressor;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.segment.Derivation;
import partita.partition.segment.Level;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.ValueMapping;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Scoring on Spark in local mode gives every row exactly the numbers of local scoring. */
class SparkScoringTest extends LocalSpark {

    /** The table with a row_id column (its row index), for putting Spark's rows back in order. */
    static Table numbered(Table t) {
        Table copy = t.copy();
        IntColumn id = IntColumn.create("row_id");
        for (int i = 0; i < t.rowCount(); i++) {
            id.append(i);
        }
        return copy.addColumns(id);
    }

    /** Scores the table on Spark over 4 partitions; the rows come back in the table's order. */
    static List<Row> scoreOnSpark(Table t, PartitionedModel<?> model) {
        Dataset<Row> data = SparkTables.toDataset(spark, numbered(t)).repartition(4);
        List<Row> rows = PartitionedScoring.score(data, model).collectAsList();
        return rows.stream().sorted(Comparator.comparingInt(r -> r.getInt(r.fieldIndex("row_id")))).toList();
    }

    static double[] column(List<Row> rows, String name) {
        return rows.stream().mapToDouble(r -> r.getDouble(r.fieldIndex(name))).toArray();
    }

    @Test
    void aClassifierScoresBitForBitAsInANotebook() {
        Table adult = Table.read().csv(DATA.resolve("adult.csv").toString());
        DataSplit split = DataSplit.of(adult, 0.25, 42);
        ValueMapping regions = new ValueMapping(java.util.Map.of("North America", List.of("United-States", "Canada")),
                "Elsewhere");
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(Params.builder().maxDepth(5).build()),
                        PartitionSpec.by("native_country", "sex").minSizes(1000, 300).map("native_country", regions))
                .threads(2).fit(split.train(), "income");
        Table test = split.test();
        List<Row> rows = scoreOnSpark(test, m);
        assertEquals(test.rowCount(), rows.size());
        assertArrayEquals(m.predictScore(test), column(rows, PartitionedScoring.SCORE));
        assertArrayEquals(m.predictProba(test), column(rows, PartitionedScoring.PROBABILITY));
        assertEquals(m.scoredBy(test), rows.stream().map(r -> r.getString(r.fieldIndex(PartitionedScoring.SCORED_BY)))
                .toList());
        assertTrue(m.scoredBy(test).contains("Elsewhere > Female"), "the mapping's catch-all routes rows");
        assertEquals(test.columnCount() + 4, rows.get(0).length(), "row_id and the data pass through, 3 columns added");
    }

    @Test
    void aRegressorWithADerivedSeasonAndUnseenSegmentsScoresAsInANotebook() {
        Table cars = JsonTables.read(DATA.resolve("cars.json"));
        Table train = cars.where(cars.stringColumn("Origin").isNotEqualTo("Japan"));
        PartitionedModel<RegressorModel> m = PartitionedTrainer.of(new XRegressor(Params.builder().maxDepth(3).build()),
                        PartitionSpec.by("Origin").minSize(40).then(Level.derived(Derivation.SEASON, "Year").withMinSize(30)))
                .features(List.of("Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration"))
                .threads(1).fit(train, "Miles_per_Gallon");
        List<Row> rows = scoreOnSpark(cars, m); // Japanese cars: a segment never seen in training
        assertArrayEquals(m.predictScore(cars), column(rows, PartitionedScoring.SCORE));
        double[] local = m.predict(cars).stream().mapToDouble(v -> (Double) v).toArray();
        assertArrayEquals(local, column(rows, PartitionedScoring.PREDICTION));
        assertEquals(m.scoredBy(cars), rows.stream().map(r -> r.getString(r.fieldIndex(PartitionedScoring.SCORED_BY)))
                .toList());
        assertTrue(m.scoredBy(cars).contains("__dataset__"), "unseen Japan falls back to __dataset__");
    }

    @Test
    void dataWithoutTheModelsColumnsIsRefusedByName() {
        Table adult = Table.read().csv(DATA.resolve("adult.csv").toString());
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex"))
                .threads(2).fit(adult, "income");
        Dataset<Row> noAge = SparkTables.toDataset(spark, adult.first(50)).drop("age").withColumnRenamed("sex", "gender");
        PartitaException e = assertThrows(PartitaException.class, () -> PartitionedScoring.score(noAge, m));
        assertTrue(e.getMessage().contains("'sex'") && e.getMessage().contains("gender"), e.getMessage());
        Dataset<Row> clash = SparkTables.toDataset(spark, adult.first(5)).withColumn("score",
                org.apache.spark.sql.functions.lit(1.0));
        PartitaException c = assertThrows(PartitaException.class, () -> PartitionedScoring.score(clash, m));
        assertTrue(c.getMessage().contains("already has a column 'score'"), c.getMessage());
    }

    @Test
    void tablesRoundTripThroughSpark() {
        Table cars = JsonTables.read(DATA.resolve("cars.json"));
        Dataset<Row> ds = SparkTables.toDataset(spark, cars);
        List<Row> rows = ds.collectAsList();
        List<String> names = cars.columnNames();
        Table back = SparkTables.toTable(ds.schema(), names, SparkTables.indices(ds.schema(), names, "column"), rows);
        for (String c : names) {
            assertEquals(cars.column(c).type(), back.column(c).type(), c);
            assertEquals(cars.column(c).asList(), back.column(c).asList(), c);
        }
        assertEquals(cars.column("Miles_per_Gallon").countMissing(), back.column("Miles_per_Gallon").countMissing());
    }
}
