package partita.model;

import static partita.model.ParamsTest.assertMessage;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every bad input gets a one-paragraph PartitaException naming the problem and the fix. */
class BadInputTest {

    private final Table mixed = TestData.mixed(300, 1);

    @Test
    void unknownTargetNamesCloseMatches() {
        assertMessage(() -> new XClassifier().fit(mixed, "lable"), "Unknown target column 'lable'",
                "Did you mean: label?", "Valid target columns: id, age");
        assertMessage(() -> new XRegressor().fit(mixed, "amout"), "Did you mean: amount?");
    }

    @Test
    void unknownOrDuplicateFeature() {
        assertMessage(() -> new XClassifier().fit(mixed, "label", List.of("age", "incme")),
                "Unknown column 'incme'", "Did you mean: income?");
        assertMessage(() -> new XClassifier().fit(mixed, "label", List.of("age", "age")), "listed twice");
        assertMessage(() -> new XClassifier().fit(mixed, "label", List.of("label", "age")),
                "target column 'label' is also listed as a feature");
        TrainingData data = TrainingData.forClassification(mixed, "label", List.of("age", "city"));
        assertMessage(() -> new XClassifier().fit(data, null, List.of("score"), null), "Unknown feature 'score'",
                "Valid features: age, city");
    }

    @Test
    void classifierTargetNeedsExactlyTwoLabels() {
        Table one = Table.create("t", IntColumn.create("x", 1, 2, 3), StringColumn.create("y", "a", "a", "a"));
        assertMessage(() -> new XClassifier().fit(one, "y"), "1 distinct label(s) [a]", "needs exactly two",
                "must contain both classes");
        Table three = Table.create("t", IntColumn.create("x", 1, 2, 3), StringColumn.create("y", "a", "b", "c"));
        assertMessage(() -> new XClassifier().fit(three, "y"), "3 distinct label(s) [a, b, c]", "XRegressor");
        TrainingData data = TrainingData.forClassification(mixed, "label", null);
        int[] onlyNo = java.util.stream.IntStream.range(0, mixed.rowCount())
                .filter(i -> mixed.stringColumn("label").get(i).equals("no")).toArray();
        assertMessage(() -> new XClassifier().fit(data, onlyNo, null, null), "contain only the label 'no'",
                "[no, yes]");
    }

    @Test
    void regressorTargetMustBeNumeric() {
        assertMessage(() -> new XRegressor().fit(mixed, "city"), "regressor target column 'city' has type STRING",
                "XClassifier");
        TrainingData forRegression = TrainingData.forRegression(mixed, "amount", List.of("age"));
        assertMessage(() -> new XClassifier().fit(forRegression, null, null, null), "prepared for regression",
                "forClassification");
    }

    @Test
    void missingTargetValues() {
        Table t = Table.create("t", IntColumn.create("x", 1, 2, 3, 4),
                DoubleColumn.create("y", 1.0, Double.NaN, 3.0, 4.0));
        assertMessage(() -> new XRegressor().fit(t, "y"), "'y' has 1 missing value(s) (first at row 1)",
                "Drop those rows");
        StringColumn labels = StringColumn.create("y", "a", "b", "a");
        labels.appendMissing();
        Table c = Table.create("t", IntColumn.create("x", 1, 2, 3, 4), labels);
        assertMessage(() -> new XClassifier().fit(c, "y"), "missing value(s) (first at row 3)");
    }

    @Test
    void emptyTableAndEmptyRows() {
        Table empty = mixed.emptyCopy();
        assertMessage(() -> new XClassifier().fit(empty, "label"), "training table is empty");
        TrainingData data = TrainingData.forClassification(mixed, "label", null);
        assertMessage(() -> new XClassifier().fit(data, new int[0], null, null), "row selection is empty");
        assertMessage(() -> new XClassifier().fit(data, new int[] {0, 300}, null, null), "Row index 300 is outside",
                "300 rows");
        Table onlyTarget = mixed.selectColumns("label");
        assertMessage(() -> new XClassifier().fit(onlyTarget, "label"), "No feature columns");
    }

    @Test
    void unsupportedFeatureTypeSaysWhatToDo() {
        Table t = Table.create("t", DateColumn.create("when", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)),
                IntColumn.create("x", 1, 2), StringColumn.create("y", "a", "b"));
        assertMessage(() -> new XClassifier().fit(t, "y"), "Feature column 'when' has type LOCAL_DATE",
                "numeric, text or boolean", "leave it out of the features");
    }

    @Test
    void predictionTablesAreChecked() {
        ClassifierModel model = new XClassifier().fit(mixed, "label", List.of("age", "city"));
        Table noCity = mixed.selectColumns("age");
        assertMessage(() -> model.predictScore(noCity), "no column 'city', a feature of this model",
                "needs every feature column: age, city");
        Table renamed = mixed.selectColumns("age", "city").copy();
        renamed.column("city").setName("cty");
        assertMessage(() -> model.predictScore(renamed), "Did you mean: cty?");
        Table wrongKind = Table.create("t", StringColumn.create("age", "old"), StringColumn.create("city", "Oslo"));
        assertMessage(() -> model.predictScore(wrongKind), "Column 'age' has type STRING here",
                "trained on it as a numeric feature");
        assertMessage(() -> model.explain(mixed, 301), "Row index 301 is outside");
        Table badLabel = Table.create("t", IntColumn.create("age", new int[] {30}), StringColumn.create("city", "Oslo"),
                StringColumn.create("label", "maybe"));
        assertMessage(() -> model.evaluate(badLabel, "label"), "holds 'maybe'", "model's labels [no, yes]");
        assertMessage(() -> model.profile("town"), "Unknown feature 'town'");
        assertMessage(() -> model.refit(b -> Params.defaults().toBuilder(), "ag"), "Unknown feature 'ag'", "Did you mean: age?");
    }

    @Test
    void predictionRangeMustBeARange() {
        RegressorModel model = new XRegressor().fit(mixed, "amount", List.of("age"));
        assertMessage(() -> model.withPredictionRange(5, 1), "not a range");
    }
}
