package partita.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import partita.PartitaException;
import partita.eval.Metrics;
import partita.io.ModelFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The optimise step (docs/algorithm.md section 11): solver, scale, persistence, refit, determinism, accuracy. */
class OptimiseTest {

    private static final Params OPTIMISED = Params.builder().optimise(true).build();

    /** Rows i % 5 == 0 are the test rows, as in the README's accuracy figures. */
    static Table[] split(Table t) {
        int[] train = java.util.stream.IntStream.range(0, t.rowCount()).filter(i -> i % 5 != 0).toArray();
        int[] test = java.util.stream.IntStream.range(0, t.rowCount()).filter(i -> i % 5 == 0).toArray();
        return new Table[] {t.rows(train), t.rows(test)};
    }

    private static double[] y01(Table t, String target, Object positive) {
        double[] y = new double[t.rowCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = positive.equals(t.column(target).get(i)) ? 1 : 0;
        }
        return y;
    }

    @Test
    void penaltyZeroGivesEachLeafItsTrainingMean() {
        // one feature, two leaves: unpenalised maximum likelihood puts each leaf's probability at its mean
        StringColumn colour = StringColumn.create("colour");
        StringColumn label = StringColumn.create("label");
        String[][] rows = {{"red", "yes"}, {"red", "yes"}, {"red", "yes"}, {"red", "no"}, {"blue", "no"},
            {"blue", "no"}, {"blue", "yes"}, {"blue", "no"}, {"blue", "no"}};
        for (String[] r : rows) {
            colour.append(r[0]);
            label.append(r[1]);
        }
        Table t = Table.create("t", colour, label);
        ClassifierModel m = new XClassifier(Params.builder().optimise(true).penalty(0).build()).fit(t, "label");
        double[] p = m.predictProba(t);
        assertEquals(0.75, p[0], 1e-8);
        assertEquals(0.2, p[4], 1e-8);
        assertEquals(0, m.penalty());
        // the regressor's counterpart: penalty 0 is least squares, each leaf predicts its mean
        DoubleColumn amount = DoubleColumn.create("amount", new double[] {1, 2, 3, 6, 10, 11, 12, 13, 14});
        Table r = Table.create("r", colour.copy(), amount);
        RegressorModel reg = new XRegressor(Params.builder().optimise(true).penalty(0).build()).fit(r, "amount");
        double[] pr = reg.predict(r);
        assertEquals(3, pr[0], 1e-8);
        assertEquals(12, pr[4], 1e-8);
    }

    @Test
    void regressorPenaltyMatchesTheClosedForm() {
        // one feature: s_l = c_l (mean_l - b) / (c_l + penalty), b the weighted mean with w_l = c_l penalty / (c_l + penalty)
        StringColumn g = StringColumn.create("g");
        DoubleColumn v = DoubleColumn.create("v");
        double[][] data = {{0, 1}, {0, 2}, {0, 4}, {1, 10}, {1, 12}, {2, 30}};
        for (double[] d : data) {
            g.append("g" + (int) d[0]);
            v.append(d[1]);
        }
        Table t = Table.create("t", g, v);
        double penalty = 2;
        RegressorModel m = new XRegressor(Params.builder().optimise(true).penalty(penalty).build()).fit(t, "v");
        double[] c = {3, 2, 1};
        double[] mean = {7 / 3.0, 11, 30};
        double num = 0;
        double den = 0;
        for (int l = 0; l < 3; l++) {
            double w = c[l] * penalty / (c[l] + penalty);
            num += w * mean[l];
            den += w;
        }
        double b = num / den;
        assertEquals(b, m.baseValue(), 1e-10);
        double[] p = m.predict(t);
        assertEquals(b + c[0] * (mean[0] - b) / (c[0] + penalty), p[0], 1e-10);
        assertEquals(b + c[1] * (mean[1] - b) / (c[1] + penalty), p[3], 1e-10);
        assertEquals(b + c[2] * (mean[2] - b) / (c[2] + penalty), p[5], 1e-10);
    }

    @Test
    void classifierScoresSatisfyTheOptimalityConditions() {
        // independent check of the solver: at the optimum, per leaf sum(y - p) = penalty * v * score and sum(y - p) = 0
        Table t = TestData.mixed(3000, 11);
        double penalty = 4;
        ClassifierModel m = new XClassifier(Params.builder().optimise(true).penalty(penalty).build())
                .fit(t, "label", TestData.MIXED_FEATURES);
        double[] y = y01(t, "label", m.labels().get(1));
        double v = java.util.Arrays.stream(y).average().orElseThrow();
        v = v * (1 - v);
        double[] p = m.predictProba(t);
        List<Explanation> ex = m.explain(t);
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            total += y[i] - p[i];
        }
        assertEquals(0, total, 1e-4);
        for (int j = 0; j < m.features().size(); j++) {
            Map<String, Double> residual = new java.util.HashMap<>();
            for (int i = 0; i < y.length; i++) {
                residual.merge(ex.get(i).contributions().get(j).leaf().describe(), y[i] - p[i], Double::sum);
            }
            FeatureProfile f = m.profile().get(j);
            List<Leaf> leaves = f.leaves();
            for (int l = 0; l < leaves.size(); l++) {
                Leaf leaf = leaves.get(l);
                if (leaf.count() == 0) {
                    continue;
                }
                boolean ranged = f.numeric() && !leaf.missing();
                // ridge on the leaf; numeric value ranges: a small ridge plus the differences to their neighbours
                double pull = (ranged ? LeafOptimiser.ORDERED_RIDGE : 1) * leaf.score();
                if (ranged && l > 0) {
                    pull += leaf.score() - leaves.get(l - 1).score();
                }
                if (ranged && l + 1 < leaves.size() && !leaves.get(l + 1).missing()) {
                    pull += leaf.score() - leaves.get(l + 1).score();
                }
                assertEquals(penalty * v * pull, residual.get(leaf.describe()), 1e-4, f.feature() + " " + leaf.describe());
            }
        }
    }

    @Test
    void scoresAreLogOddsAndContributionsSumToTheScore() {
        Table t = TestData.mixed(2000, 3);
        ClassifierModel m = new XClassifier(OPTIMISED).fit(t, "label", TestData.MIXED_FEATURES);
        assertTrue(m.optimised());
        assertTrue(m.penalty() >= 0.5 && Double.isFinite(m.penalty()), "auto penalty is chosen: " + m.penalty());
        assertNull(m.calibrationMap());
        double[] s = m.predictScore(t);
        double[] p = m.predictProba(t);
        List<Object> labels = m.predict(t);
        Explanation e = m.explain(t, 5);
        double sum = 0;
        for (Contribution c : e.contributions()) {
            sum += c.contribution();
        }
        sum += e.baseValue();
        assertEquals(s[5], sum, 0);
        assertEquals(1 / (1 + Math.exp(-s[5])), e.proba(), 0);
        for (int i = 0; i < s.length; i++) {
            assertEquals(1 / (1 + Math.exp(-s[i])), p[i], 0);
            assertEquals(m.labels().get(p[i] > 0.5 ? 1 : 0), labels.get(i));
        }
        assertTrue(m.scoreScale().startsWith("log-odds"));
        assertFalse(new XClassifier().fit(t, "label", TestData.MIXED_FEATURES).optimised());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        Table adult = TestData.adult();
        Supplier<ClassifierModel> fit = () -> new XClassifier(OPTIMISED).fit(adult, "income");
        ClassifierModel many = fit.get();
        ClassifierModel one = new ForkJoinPool(1).submit(fit::get).get();
        assertArrayEquals(many.predictScore(adult), one.predictScore(adult));
        assertEquals(many.penalty(), one.penalty());
        Table cars = TestData.cars();
        Supplier<RegressorModel> reg = () -> new XRegressor(OPTIMISED).fit(cars, "Miles_per_Gallon");
        assertArrayEquals(reg.get().predict(cars), new ForkJoinPool(1).submit(reg::get).get().predict(cars));
    }

    @Test
    void saveLoadPredictsBitForBitAndRefitNeedsTheRows(@TempDir Path dir) throws Exception {
        Table t = TestData.mixed(2500, 5);
        ClassifierModel m = new XClassifier(OPTIMISED).fit(t, "label", TestData.MIXED_FEATURES);
        Path file = dir.resolve("m.json");
        ModelFiles.save(m, file);
        ClassifierModel back = (ClassifierModel) ModelFiles.load(file, Object.class);
        assertTrue(back.optimised());
        assertEquals(m.penalty(), back.penalty());
        assertArrayEquals(m.predictScore(t), back.predictScore(t));
        assertArrayEquals(m.predictProba(t), back.predictProba(t));
        PartitaException e = assertThrows(PartitaException.class, () -> back.refit(b -> back.params().toBuilder()));
        assertTrue(e.getMessage().contains("optimise step") && e.getMessage().contains("withTrainingData"), e.getMessage());
        // with the rows attached a no-op refit gives the same model, a real refit re-optimises
        ClassifierModel attached = back.withTrainingData(t);
        assertArrayEquals(m.predictScore(t), attached.refit(b -> attached.params().toBuilder()).predictScore(t));
        ClassifierModel shallow = attached.refit(b -> attached.params().toBuilder().maxDepth(2).build().toBuilder());
        assertTrue(shallow.optimised());
        assertTrue(shallow.leafCount() < m.leafCount());
        assertArrayEquals(m.refit(b -> m.params().toBuilder().maxDepth(2).build().toBuilder()).predictScore(t), shallow.predictScore(t));
        // the same for a regressor
        RegressorModel r = new XRegressor(OPTIMISED).fit(t, "amount", TestData.MIXED_FEATURES);
        ModelFiles.save(r, file);
        RegressorModel rb = (RegressorModel) ModelFiles.load(file, Object.class);
        assertArrayEquals(r.predict(t), rb.predict(t));
        assertEquals(r.penalty(), rb.penalty());
        String text = Files.readString(file);
        assertTrue(text.contains("\"optimise\":true") && text.contains("\"penalty\""), "the file says it is optimised");
    }

    @Test
    void optimiseAndPenaltyChangeOnlyForTheWholeModel() {
        Table t = TestData.mixed(1500, 9);
        ClassifierModel ref = new XClassifier().fit(t, "label", TestData.MIXED_FEATURES);
        PartitaException e = assertThrows(PartitaException.class, () -> ref.refit(b -> OPTIMISED.toBuilder(), "age"));
        assertTrue(e.getMessage().contains("whole model"), e.getMessage());
        ClassifierModel opt = ref.refit(b -> OPTIMISED.toBuilder());
        assertTrue(opt.optimised());
        ClassifierModel one = opt.refit(b -> opt.params().toBuilder().maxDepth(2).build().toBuilder(), "age");
        assertTrue(one.optimised());
        assertEquals(2, one.featureParams().get("age").maxDepth());
        ClassifierModel fixed = opt.refit(b -> opt.params().toBuilder().penalty(3).build().toBuilder());
        assertEquals(3, fixed.penalty());
        assertFalse(opt.refit(b -> Params.defaults().toBuilder()).optimised());
    }

    @Test
    void aModelTooWideToOptimiseIsRefusedByName() {
        Table t = TestData.mixed(4000, 2);
        StringColumn id = StringColumn.create("customer");
        for (int i = 0; i < t.rowCount(); i++) {
            id.append("c" + i);
        }
        t.addColumns(id);
        PartitaException e = assertThrows(PartitaException.class,
                () -> new XClassifier(OPTIMISED).fit(t, "label", List.of("age", "customer")));
        assertTrue(e.getMessage().contains("4001 in 'customer' (one per category, and the missing-value leaf)")
                && e.getMessage().contains("optimise=false"), e.getMessage());
    }

    @Test
    void penaltyWordsAreChecked() {
        assertTrue(Params.builder().set("penalty", "auto").build().autoPenalty());
        assertEquals(2.5, Params.builder().set("penalty", "2.5").build().penalty());
        assertTrue(Params.builder().set("optimize", "true").build().optimise());
        PartitaException e = assertThrows(PartitaException.class, () -> Params.builder().penalty(-1).build());
        assertTrue(e.getMessage().contains("penalty=-1.0") && e.getMessage().contains("or auto"), e.getMessage());
        e = assertThrows(PartitaException.class, () -> Params.builder().set("penalty", "strong"));
        assertTrue(e.getMessage().contains("penalty got 'strong'"), e.getMessage());
    }

    @Test
    void adultOptimisedIsAccurate() {
        Table[] s = split(TestData.adult());
        ClassifierModel ref = new XClassifier().fit(s[0], "income");
        ClassifierModel opt = new XClassifier(OPTIMISED).fit(s[0], "income");
        double[] y = y01(s[1], "income", opt.labels().get(1));
        double refAuc = Metrics.auc(y, ref.predictProba(s[1]));
        double optAuc = Metrics.auc(y, opt.predictProba(s[1]));
        assertTrue(optAuc >= 0.918, "optimised AUC " + optAuc);
        assertTrue(optAuc > refAuc + 0.05, optAuc + " vs reference " + refAuc);
        assertTrue(Metrics.logLoss(y, opt.predictProba(s[1])) < Metrics.logLoss(y, ref.predictProba(s[1])));
        assertEquals((double) opt.evaluate(s[1], "income").asMap().get("auc"), optAuc, 1e-12);
    }

    @Test
    void carsOptimisedRegressorIsAccurate() {
        Table[] s = split(TestData.cars());
        RegressorModel ref = new XRegressor().fit(s[0], "Miles_per_Gallon");
        RegressorModel opt = new XRegressor(OPTIMISED).fit(s[0], "Miles_per_Gallon");
        double[] y = s[1].doubleColumn("Miles_per_Gallon").asDoubleArray();
        double refR2 = Metrics.r2(y, ref.predict(s[1]));
        double optR2 = Metrics.r2(y, opt.predict(s[1]));
        assertTrue(optR2 >= 0.87, "optimised R² " + optR2 + " (reference " + refR2 + ")");
        assertTrue(optR2 > refR2, optR2 + " vs " + refR2);
    }
}
