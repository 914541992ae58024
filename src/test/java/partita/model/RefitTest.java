package partita.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static partita.model.ParamsTest.assertMessage;

import java.util.List;

import org.junit.jupiter.api.Test;

import partita.io.ModelJson;
import tech.tablesaw.api.Table;

class RefitTest {

    private static final List<String> FEATURES = TestData.MIXED_FEATURES;
    private final Table mixed = TestData.mixed(3000, 11);

    @Test
    void noOpRefitIsIdentical() {
        ClassifierModel c = new XClassifier().fit(mixed, "label", FEATURES);
        ClassifierModel c2 = c.refit(b -> c.params().toBuilder());
        assertEquals(ModelJson.toJson(c), ModelJson.toJson(c2));
        assertArrayEquals(c.predictProba(mixed), c2.predictProba(mixed));
        RegressorModel r = new XRegressor().fit(mixed, "amount", FEATURES);
        RegressorModel r2 = r.refit(b -> r.params().toBuilder());
        assertEquals(ModelJson.toJson(r), ModelJson.toJson(r2));
        assertArrayEquals(r.predict(mixed), r2.predict(mixed));
    }

    @Test
    void refitOfSomeFeaturesChangesOnlyThem() {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        Params shallow = Params.builder().maxDepth(1).weight(0.5).build();
        ClassifierModel refit = model.refit(b -> shallow.toBuilder(), "age", "income");
        assertEquals(shallow, refit.featureParams().get("age"));
        assertEquals(Params.defaults(), refit.featureParams().get("score"));
        assertEquals(Params.defaults(), refit.params());
        assertEquals(3, refit.profile("age").leaves().size()); // two leaves + missing
        for (String f : List.of("score", "ratio", "level", "city", "member")) {
            List<Leaf> before = model.profile(f).leaves();
            List<Leaf> after = refit.profile(f).leaves();
            assertEquals(before.size(), after.size(), f);
            for (int i = 0; i < before.size(); i++) {
                assertEquals(before.get(i).rawScore(), after.get(i).rawScore(), f); // only normalisation moves
            }
        }
        // refitting back gives the original model
        ClassifierModel back = refit.refit(b -> Params.defaults().toBuilder(), "age", "income");
        assertEquals(ModelJson.toJson(model), ModelJson.toJson(back));
    }

    @Test
    void refitMatchesAFreshFitWithTheSameParameters() {
        Params p = Params.builder().maxDepth(3).minInfoGain(0.01).minLeafSize(0.02).weight(0.7).powerDegree(3)
                .sigmoidExponent(1).build();
        ClassifierModel refit = new XClassifier().fit(mixed, "label", FEATURES).refit(b -> p.toBuilder());
        ClassifierModel fresh = new XClassifier(p).fit(mixed, "label", FEATURES);
        assertEquals(ModelJson.toJson(fresh), ModelJson.toJson(refit));
        Params rp = Params.builder().maxDepth(4).tailSensitivity(1.5).build();
        RegressorModel rRefit = new XRegressor().fit(mixed, "amount", FEATURES).refit(b -> rp.toBuilder());
        RegressorModel rFresh = new XRegressor(rp).fit(mixed, "amount", FEATURES);
        assertEquals(ModelJson.toJson(rFresh), ModelJson.toJson(rRefit));
    }

    @Test
    void alphaIsFitTimeOnly() {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        ClassifierModel refit = model.refit(b -> Params.builder().alpha(0.5).build().toBuilder());
        assertEquals(0.1, refit.params().alpha());
        assertEquals(ModelJson.toJson(model), ModelJson.toJson(refit));
    }

    @Test
    void regressorRefitReRunsTheRidgeStep() {
        RegressorModel model = new XRegressor().fit(mixed, "amount", FEATURES);
        RegressorModel refit = model.refit(b -> Params.builder().maxDepth(2).build().toBuilder(), "age");
        assertNotEquals(model.baseValue(), refit.baseValue());
        double r2 = refit.evaluate(mixed, "amount").r2();
        assertTrue(r2 > 0.5, "refit R2 " + r2);
    }

    @Test
    void loadedClassifierRefitsFromItsStatisticsAndKeepsItsCalibration() {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        ClassifierModel loaded = (ClassifierModel) ModelJson.fromJson(ModelJson.toJson(model));
        assertFalse(loaded.hasTrainingData());
        Params p = Params.builder().maxDepth(2).build();
        ClassifierModel refitLoaded = loaded.refit(b -> p.toBuilder(), "age");
        ClassifierModel refitInMemory = model.refit(b -> p.toBuilder(), "age");
        assertEquals(refitInMemory.profile(), refitLoaded.profile());
        assertArrayEquals(refitInMemory.predictScore(mixed), refitLoaded.predictScore(mixed));
        assertArrayEquals(model.calibrationMap(), refitLoaded.calibrationMap()); // no rows to re-learn it from
        assertFalse(java.util.Arrays.equals(model.calibrationMap(), refitInMemory.calibrationMap()));
        // with the training table attached again it re-learns the map
        ClassifierModel attached = loaded.withTrainingData(mixed);
        assertTrue(attached.hasTrainingData());
        assertArrayEquals(refitInMemory.calibrationMap(), attached.refit(b -> p.toBuilder(), "age").calibrationMap());
    }

    @Test
    void loadedRegressorAsksForItsData() {
        RegressorModel model = new XRegressor().fit(mixed, "amount", FEATURES);
        RegressorModel loaded = (RegressorModel) ModelJson.fromJson(ModelJson.toJson(model));
        assertMessage(() -> loaded.refit(b -> Params.defaults().toBuilder()), "no training data in memory",
                "model.withTrainingData(table).refit(p -> p.maxDepth(4), features...)");
        RegressorModel refit = loaded.withTrainingData(mixed).refit(b -> Params.builder().maxDepth(3).build().toBuilder());
        assertEquals(ModelJson.toJson(model.refit(b -> Params.builder().maxDepth(3).build().toBuilder())), ModelJson.toJson(refit));
    }

    @Test
    void attachingOtherDataIsRefused() {
        RegressorModel loaded = (RegressorModel) ModelJson.fromJson(ModelJson.toJson(
                new XRegressor().fit(mixed, "amount", FEATURES)));
        Table other = TestData.mixed(3000, 12);
        assertMessage(() -> loaded.withTrainingData(other), "not the data the model was trained on",
                "feature 'age'");
        assertMessage(() -> loaded.withTrainingData(mixed.first(100)), "100 rows");
    }
}
