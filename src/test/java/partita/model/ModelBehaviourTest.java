package partita.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ModelBehaviourTest {

    private static final List<String> FEATURES = TestData.MIXED_FEATURES;
    private final Table mixed = TestData.mixed(2000, 7);

    @Test
    void fitsEveryColumnTypeWithMissingValuesAndAnIdColumnLeftOut() {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        assertEquals(FEATURES, model.features());
        assertEquals(List.of("no", "yes"), model.labels());
        assertEquals(2000, model.trainingRows());
        for (String f : List.of("age", "income", "score", "ratio", "level")) {
            assertTrue(model.profile(f).numeric(), f);
        }
        FeatureProfile member = model.profile("member");
        assertFalse(member.numeric());
        assertEquals(List.of("false", "true"), member.leaves().stream().filter(l -> !l.missing())
                .map(Leaf::category).sorted().toList());
        // missing values: score has 182 (every 11th row), city 154 (every 13th)
        assertEquals(182, model.profile("score").missingLeaf().count());
        assertEquals(154, model.profile("city").missingLeaf().count());
        for (FeatureProfile p : model.profile()) {
            assertEquals(2000, p.leaves().stream().mapToInt(Leaf::count).sum(), p.feature());
            assertEquals(p.leaves().size() - 1, IntStream.range(0, p.leaves().size())
                    .filter(i -> p.leaves().get(i).missing()).findFirst().orElse(-1), p.feature());
        }
        double auc = model.evaluate(mixed, "label").auc();
        assertTrue(auc > 0.7, "in-sample AUC " + auc);
    }

    @Test
    void numericLeavesTileTheLineAndCategoriesAreOrderedByMean() {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        List<Leaf> age = model.profile("age").leaves();
        assertEquals(Double.NEGATIVE_INFINITY, age.get(0).lower());
        assertEquals(Double.POSITIVE_INFINITY, age.get(age.size() - 2).upper());
        for (int i = 1; i < age.size() - 1; i++) {
            assertEquals(age.get(i - 1).upper(), age.get(i).lower());
        }
        List<Leaf> city = model.profile("city").leaves();
        for (int i = 1; i < city.size() - 1; i++) {
            assertTrue(city.get(i - 1).mean() <= city.get(i).mean());
        }
    }

    @Test
    void labelsComeBackInTheUsersTypeAndTheThresholdMoves() {
        Table t = mixed.copy();
        BooleanColumn yes = BooleanColumn.create("yes");
        IntColumn flag = IntColumn.create("flag");
        for (int i = 0; i < t.rowCount(); i++) {
            boolean y = t.stringColumn("label").get(i).equals("yes");
            yes.append(y);
            flag.append(y ? 1 : 0);
        }
        t.addColumns(yes, flag);
        ClassifierModel byText = new XClassifier().fit(t, "label", FEATURES);
        ClassifierModel byBoolean = new XClassifier().fit(t, "yes", FEATURES);
        ClassifierModel byInt = new XClassifier().fit(t, "flag", FEATURES);
        assertEquals(List.of(false, true), byBoolean.labels());
        assertEquals(List.of(0, 1), byInt.labels());
        assertArrayEquals(byText.predictScore(t), byBoolean.predictScore(t));
        assertArrayEquals(byText.predictScore(t), byInt.predictScore(t));
        List<Object> text = byText.predict(t);
        List<Object> bools = byBoolean.predict(t);
        double[] s = byText.predictScore(t);
        for (int i = 0; i < s.length; i++) {
            assertEquals(s[i] > 0.5 ? "yes" : "no", text.get(i));
            assertEquals(s[i] > 0.5, bools.get(i));
        }
        long positivesLow = byText.predict(t, 0.2).stream().filter("yes"::equals).count();
        long positivesHigh = byText.predict(t, 0.8).stream().filter("yes"::equals).count();
        assertTrue(positivesLow > positivesHigh);
        assertEquals(IntStream.range(0, s.length).filter(i -> s[i] > 0.2).count(), positivesLow);
    }

    @Test
    void unseenCategoriesAndMissingValuesGoToTheMissingLeaf() {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        Table probe = mixed.first(3).copy();
        probe.stringColumn("city").set(0, "Atlantis");
        probe.stringColumn("city").setMissing(1);
        probe.doubleColumn("score").setMissing(2);
        Explanation unseen = model.explain(probe, 0);
        Contribution city = unseen.contributions().get(FEATURES.indexOf("city"));
        assertEquals("Atlantis", city.value());
        assertTrue(city.leaf().missing());
        assertEquals(model.profile("city").missingLeaf().score(), city.contribution());
        Contribution missingCity = model.explain(probe, 1).contributions().get(FEATURES.indexOf("city"));
        assertNull(missingCity.value());
        assertTrue(missingCity.leaf().missing());
        Contribution missingScore = model.explain(probe, 2).contributions().get(FEATURES.indexOf("score"));
        assertTrue(missingScore.leaf().missing());
        assertEquals(model.profile("score").missingLeaf().score(), missingScore.contribution());
        // a feature without missing values in training scores unseen values 0
        Table unseenBool = Table.create("u", IntColumn.create("x", new int[] {1, 2, 3, 4, 5, 6}),
                StringColumn.create("c", "a", "b", "a", "b", "a", "b"), StringColumn.create("y", "n", "p", "n", "p", "p", "n"));
        ClassifierModel small = new XClassifier().fit(unseenBool, "y");
        Table other = Table.create("o", IntColumn.create("x", new int[] {1}), StringColumn.create("c", "zzz"));
        assertEquals(0.0, small.explain(other, 0).contributions().get(1).contribution());
    }

    @Test
    void explanationsAddUpToTheScoreExactly() {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        double[] scores = model.predictScore(mixed);
        double[] proba = model.predictProba(mixed);
        List<Explanation> all = model.explain(mixed);
        for (int i = 0; i < scores.length; i++) {
            Explanation e = all.get(i);
            double s = 0;
            for (Contribution c : e.contributions()) {
                s += c.contribution();
                assertEquals(c.leaf().score(), c.contribution());
            }
            assertEquals(scores[i], s + e.baseValue(), 0.0);
            assertEquals(scores[i], e.score(), 0.0);
            assertEquals(proba[i], e.proba(), 0.0);
            assertEquals(model.baseValue(), e.baseValue());
        }
        RegressorModel reg = new XRegressor().fit(mixed, "amount", FEATURES);
        Explanation e = reg.explain(mixed, 5);
        assertEquals(reg.predictScore(mixed, new int[] {5})[0], e.score(), 0.0);
        assertTrue(Double.isNaN(e.proba()));
    }

    @Test
    void importancesSumToOneInFeatureOrder() {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        Map<String, Double> imp = model.featureImportances();
        assertEquals(FEATURES, List.copyOf(imp.keySet()));
        assertEquals(1.0, imp.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        assertTrue(imp.get("age") > imp.get("ratio"), imp.toString());
    }

    @Test
    void rowViewsFitLikeTheSubTableAndPredictTheirRows() {
        TrainingData data = TrainingData.forClassification(mixed, "label", null);
        int[] rows = IntStream.range(0, mixed.rowCount()).filter(i -> i % 3 != 0).toArray();
        ClassifierModel viewModel = new XClassifier().fit(data, rows, FEATURES, null);
        ClassifierModel subModel = new XClassifier().fit(mixed.rows(rows), "label", FEATURES);
        assertEquals(subModel.profile(), viewModel.profile());
        assertArrayEquals(subModel.calibrationMap(), viewModel.calibrationMap());
        double[] all = viewModel.predictScore(mixed);
        int[] some = {5, 1, 1999};
        double[] picked = viewModel.predictScore(mixed, some);
        for (int i = 0; i < some.length; i++) {
            assertEquals(all[some[i]], picked[i], 0.0);
        }
        assertEquals(rows.length, viewModel.trainingRows());
    }

    @Test
    void regressorPredictsWithinItsRangeAndLearns() {
        RegressorModel model = new XRegressor().fit(mixed, "amount", FEATURES);
        double[] p = model.predict(mixed);
        assertTrue(model.evaluate(mixed, "amount").r2() > 0.5);
        RegressorModel clipped = model.withPredictionRange(9, 11);
        double[] c = clipped.predict(mixed);
        for (int i = 0; i < p.length; i++) {
            assertEquals(Math.min(11, Math.max(9, p[i])), c[i], 0.0);
        }
        assertArrayEquals(new double[] {9, 11}, clipped.predictionRange());
        assertArrayEquals(model.predictScore(mixed), clipped.predictScore(mixed));
        // text features take part in the ridge step (deviation from the reference)
        assertTrue(model.profile("city").leaves().stream().anyMatch(l -> l.score() != 0));
    }

    @Test
    void regressorCopesWithAHugeTarget() {
        // a target in the hundreds of millions makes the ridge alpha vanish next to the Gram
        // entries: Cholesky meets a non-positive pivot and the general solver takes over
        Table t = mixed.copy();
        t.addColumns(t.doubleColumn("amount").multiply(1e8).setName("huge"));
        RegressorModel huge = new XRegressor().fit(t, "huge", FEATURES);
        for (double v : huge.predict(t)) {
            assertTrue(Double.isFinite(v));
        }
        double r2 = huge.evaluate(t, "huge").r2();
        assertTrue(r2 > 0.85, "R2 " + r2); // the unscaled target reaches 0.87
    }

    @Test
    void numericTypesReadTheSame() {
        Table t = Table.create("t", DoubleColumn.create("x", 1.5, 2.5, 3.5, 4.5, 5.5, 6.5),
                StringColumn.create("y", "a", "a", "b", "a", "b", "b"));
        ClassifierModel model = new XClassifier(Params.builder().minLeafSize(0).build()).fit(t, "y");
        Table ints = Table.create("t", IntColumn.create("x", new int[] {1, 4, 7}));
        double[] s = model.predictScore(ints);
        Table doubles = Table.create("t", DoubleColumn.create("x", 1.0, 4.0, 7.0));
        assertArrayEquals(s, model.predictScore(doubles));
    }
}
