package partita.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import partita.PartitaException;
import partita.data.DataSplit;
import partita.model.ClassifierModel;
import partita.model.Columns;
import partita.model.Params;
import partita.model.RegressorModel;
import partita.model.TransparentModel;
import partita.model.XClassifier;
import partita.model.XRegressor;
import partita.partition.Data;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.segment.Derivation;
import partita.partition.segment.Level;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.ValueMapping;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The generated SQL run on a real database gives Java's score and probability or prediction on
 * every row, within 1e-12. One body for both dialects: a subclass gives the connection.
 */
abstract class SqlScoringCase {

    private static final String ROW = "row_id";
    private static final List<String> FEATURES = List.of("age", "education", "hours_per_week", "occupation",
            "workclass", "capital_gain", "marital_status");

    abstract SqlDialect dialect();

    /** An open connection to a throwaway database. */
    abstract Connection connection() throws SQLException;

    private static DataSplit adult() {
        return DataSplit.of(Data.adultWithMissing(), 0.25, 42);
    }

    @Test
    void classifier() throws Exception {
        DataSplit split = adult();
        ClassifierModel m = new XClassifier().fit(split.train().selectColumns(with("income")), "income");
        check(split.test(), SqlScoring.query(m, "adult_test", dialect()), "adult_test", m.predictScore(split.test()),
                m.predictProba(split.test()), null);
    }

    @Test
    void regressorClipsToItsRange() throws Exception {
        DataSplit split = adult();
        RegressorModel m = new XRegressor().fit(split.train().selectColumns(with("hours_per_week")), "hours_per_week").withPredictionRange(35, 45);
        double[] score = m.predictScore(split.test());
        double[] prediction = m.predict(split.test());
        assertTrue(java.util.Arrays.stream(prediction).anyMatch(p -> p == 35) && java.util.Arrays.stream(prediction)
                .anyMatch(p -> p == 45), "the range clips some rows at each end");
        check(split.test(), SqlScoring.query(m, "adult_test", dialect()), "adult_test", score, prediction, null);
    }

    @Test
    void optimisedClassifierUsesTheSigmoid() throws Exception {
        DataSplit split = adult();
        ClassifierModel m = new XClassifier(Params.builder().optimise(true).maxDepth(3).build())
                .fit(split.train().selectColumns(with("income")), "income");
        check(split.test(), SqlScoring.query(m, "adult_test", dialect()), "adult_test", m.predictScore(split.test()),
                m.predictProba(split.test()), null);
    }

    @Test
    void partitionedByRelationship() throws Exception {
        checkPartitioned(PartitionSpec.by("relationship"), adult());
    }

    @Test
    void hierarchyFallsBackToParentAndDataset() throws Exception {
        // min sizes leave small sex > relationship segments untrained: their rows go to the parent
        PartitionSpec spec = PartitionSpec.by("relationship", "sex").minSizes(3000, 1500);
        DataSplit split = adult();
        Table test = split.test().copy();
        ((StringColumn) test.column("relationship")).set(0, "Cousin"); // unseen: __dataset__
        ((StringColumn) test.column("sex")).set(1, "Other"); // unseen at level 2: the parent
        test.column("relationship").setMissing(2);
        PartitionedModel<ClassifierModel> m = checkPartitioned(spec, new DataSplit(split.train(), test));
        List<String> served = m.scoredBy(test);
        assertEquals("__dataset__", served.get(0));
        assertTrue(served.contains("__dataset__") && served.stream().anyMatch(s -> s.contains(" > "))
                && served.stream().anyMatch(s -> !s.contains(" > ") && !s.equals("__dataset__")));
    }

    @Test
    void valueMappingWithCatchAll() throws Exception {
        PartitionSpec spec = PartitionSpec.of(Level.of("native_country").withMapping(new ValueMapping(
                Map.of("North America", List.of("United-States", "Canada")), "elsewhere")));
        checkPartitioned(spec, adult());
    }

    @Test
    void derivedDateSegments() throws Exception {
        Table weather = Table.read().usingOptions(CsvReadOptions.builder(Data.DIR.resolve("seattle-weather.csv")
                .toFile()));
        DataSplit split = DataSplit.of(weather, 0.25, 42);
        for (Derivation d : Derivation.values()) {
            PartitionSpec spec = PartitionSpec.of(Level.derived(d, "date").withMinSize(40));
            PartitionedModel<RegressorModel> m = PartitionedTrainer.of(new XRegressor(), spec).threads(2)
                    .features(List.of("precipitation", "temp_min", "wind", "weather")).fit(split.train(), "temp_max");
            String table = "weather_" + d.label();
            check(split.test(), SqlScoring.query(m, table, dialect()), table, m.predictScore(split.test()),
                    values(m.predict(split.test())), m.scoredBy(split.test()));
        }
    }

    @Test
    void numericAndBooleanLevelsWithMappingAndNaNCells() throws Exception {
        // education_num: an integer column read as numbers; groups for some values, the others keep their own
        DataSplit split = adult();
        Table train = split.train().copy();
        Table test = split.test().copy();
        for (Table t : List.of(train, test)) {
            t.addColumns(BooleanColumn.create("male", ((StringColumn) t.column("sex")).isEqualTo("Male"), t.rowCount()));
        }
        PartitionSpec spec = PartitionSpec.of(Level.of("education_num").withMapping(new ValueMapping(
                        Map.of("school", List.of("1", "2", "3", "4", "5", "6", "7", "8"), "degree", List.of("13", "14", "15",
                                "16")), null)).withMinSize(500),
                Level.of("male").withMinSize(300));
        for (int r = 0; r < 40; r++) {
            test.column("age").setMissing(r);
            test.column("education_num").setMissing(r + 40);
        }
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), spec).threads(2)
                .features(FEATURES).fit(train, "income");
        assertTrue(m.trainedSegments().stream().anyMatch(n -> n.startsWith("school > ")), m.trainedSegments().toString());
        assertTrue(m.trainedSegments().stream().anyMatch(n -> n.startsWith("9 > ")), m.trainedSegments().toString());
        try (Connection c = connection()) {
            // half the missing cells stored as NaN: the engine reads NaN as missing, and so must the SQL
            check(c, test, SqlScoring.query(m, "adult_test", dialect()), "adult_test", m.predictScore(test),
                    m.predictProba(test), m.scoredBy(test), "UPDATE adult_test SET age = 'NaN'::FLOAT8 WHERE row_id < 20;"
                            + " UPDATE adult_test SET education_num = 'NaN'::FLOAT8 WHERE row_id >= 40 AND row_id < 60");
        }
    }

    @Test
    void derivedFromIsoDateTextAndQualifiedTableName() throws Exception {
        Table weather = Table.read().usingOptions(CsvReadOptions.builder(Data.DIR.resolve("seattle-weather.csv")
                .toFile()));
        weather.replaceColumn("date", weather.dateColumn("date").asStringColumn().setName("date"));
        DataSplit split = DataSplit.of(weather, 0.25, 42);
        PartitionSpec spec = PartitionSpec.of(Level.derived(Derivation.SEASON, "date").withMapping(new ValueMapping(
                Map.of("warm", List.of("summer")), "cool")));
        PartitionedModel<RegressorModel> m = PartitionedTrainer.of(new XRegressor(), spec).threads(2)
                .features(List.of("precipitation", "temp_min", "wind", "weather")).fit(split.train(), "temp_max");
        assertEquals(List.of("warm", "cool"), m.trainedSegments().stream().filter(n -> !n.equals("__dataset__"))
                .sorted(java.util.Comparator.reverseOrder()).toList());
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA \"partita test\"");
            try {
                check(c, split.test(), SqlScoring.query(m, "partita test.weather", dialect()), "partita test.weather",
                        m.predictScore(split.test()), values(m.predict(split.test())), m.scoredBy(split.test()), null);
            } finally {
                s.execute("DROP SCHEMA \"partita test\"");
            }
        }
    }

    @Test
    void guardedModelRoutesRejectedSegmentsToTheDataset() throws Exception {
        DataSplit split = adult();
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("native_country")
                        .minSizes(50)).guarded(0.3, 42).threads(2).features(FEATURES).fit(split.train(), "income");
        long rejected = m.segments().stream().filter(seg -> !seg.trained() && !seg.key().isDataset()).count();
        assertTrue(rejected > 0 && m.trainedSegments().size() > 1, "some segments kept, some rejected");
        check(split.test(), SqlScoring.query(m, "adult_test", dialect()), "adult_test", m.predictScore(split.test()),
                m.predictProba(split.test()), m.scoredBy(split.test()));
    }

    @Test
    void aTableNameThatIsNotOneIsRefused() {
        PartitaException e = org.junit.jupiter.api.Assertions.assertThrows(PartitaException.class,
                () -> SqlScoring.tableName("a..b"));
        assertTrue(e.getMessage().contains("'a..b'") && e.getMessage().contains("schema.table"), e.getMessage());
    }

    @Test
    void hostileNamesNeitherBreakNorInject() throws Exception {
        String column = "Occ \"up\"; 'ation' -- ü\nx";
        String table = "adult \"test\"; DROP TABLE x; --";
        DataSplit split = adult();
        Table train = split.train().copy();
        Table test = split.test().copy();
        for (Table t : List.of(train, test)) {
            t.column("occupation").setName(column);
            StringColumn rel = (StringColumn) t.column("relationship");
            for (int r = 0; r < rel.size(); r++) {
                if ("Husband".equals(rel.get(r))) {
                    rel.set(r, "O'Brien\"; DROP TABLE x; --");
                }
            }
        }
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship"))
                .threads(2).features(List.of("age", column, "education")).fit(train, "income");
        assertTrue(m.trainedSegments().contains("O'Brien\"; DROP TABLE x; --"));
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE x (a INTEGER)");
            try {
                check(c, test, SqlScoring.query(m, table, dialect()), table, m.predictScore(test),
                        m.predictProba(test), m.scoredBy(test), null);
                s.executeQuery("SELECT count(*) FROM x").close(); // still there
            } finally {
                s.execute("DROP TABLE x");
            }
        }
    }

    private PartitionedModel<ClassifierModel> checkPartitioned(PartitionSpec spec, DataSplit split) throws Exception {
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), spec).threads(2)
                .features(FEATURES).fit(split.train(), "income");
        check(split.test(), SqlScoring.query(m, "adult_test", dialect()), "adult_test", m.predictScore(split.test()),
                m.predictProba(split.test()), m.scoredBy(split.test()));
        return m;
    }

    /** A regressor's predictions as numbers. */
    private static double[] values(List<Object> predictions) {
        return predictions.stream().mapToDouble(p -> (Double) p).toArray();
    }

    private static String[] with(String target) {
        List<String> c = new ArrayList<>(FEATURES);
        c.add(target);
        return c.stream().distinct().toArray(String[]::new);
    }

    private void check(Table data, String sql, String table, double[] score, double[] second, List<String> segments)
            throws Exception {
        try (Connection c = connection()) {
            check(c, data, sql, table, score, second, segments, null);
        }
    }

    /**
     * Loads the rows as {@code table}, runs {@code change} (SQL statements, or null) on them, runs
     * the query and compares every row with Java's numbers.
     */
    private static void check(Connection c, Table data, String sql, String table, double[] score, double[] second,
                              List<String> segments, String change) throws Exception {
        load(c, data, table);
        if (change != null) {
            try (Statement s = c.createStatement()) {
                for (String statement : change.split(";")) {
                    s.execute(statement);
                }
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM (" + sql + ") AS q ORDER BY " + ROW)) {
            int n = 0;
            double maxDiff = 0;
            while (rs.next()) {
                int row = rs.getInt(ROW);
                assertEquals(n, row);
                maxDiff = Math.max(maxDiff, Math.abs(rs.getDouble(SqlScoring.SCORE) - score[row]));
                maxDiff = Math.max(maxDiff, Math.abs(rs.getDouble(rs.findColumn(SqlScoring.SCORE) + 1) - second[row]));
                if (segments != null) {
                    assertEquals(segments.get(row), rs.getString(SqlScoring.SEGMENT), "segment of row " + row);
                }
                n++;
            }
            assertEquals(data.rowCount(), n);
            assertTrue(maxDiff <= 1e-12, "max difference " + maxDiff);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + SqlScoring.tableName(table));
            }
        }
    }

    /** The table's rows with a row number; missing cells as NULL. */
    static void load(Connection c, Table data, String table) throws SQLException {
        List<String> defs = new ArrayList<>(List.of(ROW + " INTEGER"));
        List<String> marks = new ArrayList<>(List.of("?"));
        for (Column<?> col : data.columns()) {
            defs.add(SqlScoring.identifier(col.name()) + " " + (col instanceof NumericColumn<?> ? "DOUBLE PRECISION"
                    : col instanceof BooleanColumn ? "BOOLEAN" : col instanceof DateColumn ? "DATE" : "VARCHAR"));
            marks.add("?");
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + SqlScoring.tableName(table) + " (" + String.join(", ", defs) + ")");
        }
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + SqlScoring.tableName(table) + " VALUES ("
                + String.join(", ", marks) + ")")) {
            for (int r = 0; r < data.rowCount(); r++) {
                p.setInt(1, r);
                for (int j = 0; j < data.columnCount(); j++) {
                    Column<?> col = data.column(j);
                    if (Columns.isMissing(col, r)) {
                        p.setNull(j + 2, Types.NULL);
                    } else if (col instanceof NumericColumn<?> nc) {
                        p.setDouble(j + 2, nc.getDouble(r));
                    } else if (col instanceof BooleanColumn b) {
                        p.setBoolean(j + 2, b.get(r));
                    } else if (col instanceof DateColumn d) {
                        p.setDate(j + 2, java.sql.Date.valueOf(d.get(r)));
                    } else {
                        p.setString(j + 2, col.getString(r));
                    }
                }
                p.addBatch();
            }
            p.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
