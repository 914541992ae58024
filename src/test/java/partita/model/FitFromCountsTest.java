package partita.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import partita.PartitaException;
import partita.eval.Predictions;
import partita.io.ModelJson;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A model fitted from aggregated statistics (value counts, and calibration bins or leaf counts,
 * counted over shuffled pieces of the rows and merged, as a distributed trainer does) is the model
 * fitted on the rows: a classifier bit for bit, a regressor within 1e-12 relative (its target sums
 * are added in another order).
 */
class FitFromCountsTest {

    private static Table adult() {
        return Table.read().usingOptions(CsvReadOptions.builder(Path.of("../notebooks/data/adult.csv").toFile())
                .missingValueIndicator("?"));
    }

    /** The rows in a seeded random order, cut in {@code pieces} parts. */
    private static List<int[]> shuffledPieces(int n, int pieces, long seed) {
        int[] order = IntStream.range(0, n).toArray();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<int[]> out = new ArrayList<>();
        for (int p = 0; p < pieces; p++) {
            out.add(java.util.Arrays.copyOfRange(order, p * n / pieces, (p + 1) * n / pieces));
        }
        return out;
    }

    @Test
    void aClassifierFromMergedCountsIsTheClassifierFromTheRows() {
        Table adult = adult();
        List<String> features = adult.columnNames().stream().filter(c -> !c.equals("income")).toList();
        Params params = Params.builder().maxDepth(6).minInfoGain(0.001).build();
        ClassifierModel fromRows = new XClassifier(params).fit(adult, "income", features);

        TrainingData data = TrainingData.forClassification(adult, "income", features);
        List<int[]> pieces = shuffledPieces(adult.rowCount(), 3, 7);
        List<ValueCounts> counts = new ArrayList<>();
        for (String f : features) {
            ValueCounts merged = null;
            for (int[] piece : pieces) {
                ValueCounts c = ValueCounts.of(data.column(f), data.y(), piece);
                merged = merged == null ? c : merged.merge(c);
            }
            counts.add(merged);
        }
        double[] y = data.y();
        XClassifier estimator = new XClassifier(params);
        ClassifierModel grown = estimator.grow("income", data.labels(), counts);
        CalibrationBins bins = CalibrationBins.empty();
        for (int[] piece : pieces) {
            int[] ascending = java.util.Arrays.stream(piece).sorted().toArray(); // Table.rows keeps table order
            double[] pieceY = java.util.Arrays.stream(ascending).mapToDouble(r -> y[r]).toArray();
            bins = bins.merge(CalibrationBins.of(grown.predictScore(adult.rows(ascending)), pieceY));
        }
        ClassifierModel fromCounts = estimator.fit(grown, bins);

        assertEquals(ModelJson.toJson(fromRows), ModelJson.toJson(fromCounts), "the same model, to the last bit");
        assertArrayEquals(fromRows.predictScore(adult), fromCounts.predictScore(adult));
        assertArrayEquals(fromRows.predictProba(adult), fromCounts.predictProba(adult));
        assertArrayEquals(fromRows.calibrationMap(), fromCounts.calibrationMap());
        assertFalse(fromCounts.hasTrainingData(), "it keeps no rows, as a loaded model");
    }

    @Test
    void theOptimiseStepOverPiecesOfTheRowsIsTheOneOverTheRows() {
        Table adult = adult();
        List<String> features = List.of("age", "workclass", "education_num", "occupation", "capital_gain",
                "hours_per_week");
        Params params = Params.builder().maxDepth(4).optimise(true).build();
        TrainingData data = TrainingData.forClassification(adult, "income", features);
        int[] all = IntStream.range(0, adult.rowCount()).toArray();
        ClassifierModel prior = new XClassifier(params).fit(data, all, features, null);
        int[] men = IntStream.range(0, adult.rowCount()).filter(i -> adult.stringColumn("sex").get(i).equals("Male"))
                .toArray();
        ClassifierModel local = new XClassifier(params).fit(data, men, features, prior);

        // the same from pieces of the men's rows: counts, then the prior's contributions, then the sums of each step
        double[] y = data.y();
        List<int[]> pieces = shuffledPieces(men.length, 3, 5).stream()
                .map(p -> java.util.Arrays.stream(p).map(k -> men[k]).sorted().toArray()).toList();
        List<ValueCounts> counts = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            ValueCounts merged = null;
            for (int[] piece : pieces) {
                ValueCounts c = TrainingData.counts(adult, "income", features, y, List.of(piece)).get(0).get(j);
                merged = merged == null ? c : merged.merge(c);
            }
            counts.add(merged);
        }
        ClassifierModel grown = new XClassifier(params.toBuilder().optimise(false).build())
                .grow("income", data.labels(), counts);
        OptimiseStep step = OptimiseStep.of(grown, prior);
        assertTrue(step.pulled(), "an optimised prior pulls");
        PriorSums[] sums = null;
        for (int[] piece : pieces) {
            PriorSums[] s = step.priorSums(grown, prior, adult, piece);
            if (sums == null) {
                sums = s;
            } else {
                for (int j = 0; j < s.length; j++) {
                    sums[j] = sums[j].merge(s[j]);
                }
            }
        }
        OptimiseStep pulled = step.withTargets(grown, sums);
        double positives = java.util.Arrays.stream(men).mapToDouble(r -> y[r]).sum();
        int[] passes = {0};
        LeafSums.Rows rows = new LeafSums.Rows() {
            @Override
            public long count() {
                return men.length;
            }

            @Override
            public double targetSum() {
                return positives;
            }

            @Override
            public LeafSums at(double[] theta, boolean derivatives) {
                passes[0]++;
                LeafSums total = null;
                for (int[] piece : pieces) {
                    LeafSums part = pulled.sums(grown, adult, piece, Predictions.pick(y, piece), theta);
                    total = total == null ? part : total.merge(part);
                }
                return total;
            }
        };
        ClassifierModel fromPieces = pulled.fit(grown, params, prior, rows);
        assertTrue(fromPieces.optimised());
        assertEquals(local.penalty(), fromPieces.penalty(), 0.0);
        assertEquals(local.baseValue(), fromPieces.baseValue(), 1e-7);
        double[] p = local.predictProba(adult);
        double[] q = fromPieces.predictProba(adult);
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 1e-7, "row " + i);
        }
        assertEquals(ModelJson.toJson(local).toString().replaceAll("-?[0-9]+\\.[0-9]+(E-?[0-9]+)?", "#"),
                ModelJson.toJson(fromPieces).toString().replaceAll("-?[0-9]+\\.[0-9]+(E-?[0-9]+)?", "#"),
                "the same leaves, counts, parameters and structure");
        assertTrue(passes[0] < 60, passes[0] + " evaluations");
        assertThrows(PartitaException.class, () -> pulled.fit(grown, params.toBuilder().optimise(false).build(),
                prior, rows));
    }

    @Test
    void aFewRowsAmongManyValuesCountAsTheirOwnTableDoes() {
        Table adult = adult();
        double[] y = Kind.CLASSIFIER.read(adult.column("income"), TrainingData.binaryLabels(adult.column("income")));
        List<String> features = List.of("age", "fnlwgt", "occupation", "capital_gain");
        int[] few = {5, 17, 17_000, 3, 9_999, 12}; // unsorted, far fewer than fnlwgt's distinct values
        int[] many = IntStream.range(0, adult.rowCount()).filter(i -> i % 3 == 0).toArray();
        List<List<ValueCounts>> grouped = TrainingData.counts(adult, "income", features, y, List.of(few, many));
        for (int g = 0; g < 2; g++) {
            int[] rows = (g == 0 ? few : many).clone();
            java.util.Arrays.sort(rows); // Table.rows keeps the table's order
            Table own = adult.rows(rows);
            double[] ownY = java.util.Arrays.stream(rows).mapToDouble(r -> y[r]).toArray();
            List<ValueCounts> alone = TrainingData.counts(own, "income", features, ownY,
                    List.of(IntStream.range(0, rows.length).toArray())).get(0);
            for (int j = 0; j < features.size(); j++) {
                ValueCounts a = alone.get(j);
                ValueCounts b = grouped.get(g).get(j);
                assertArrayEquals(a.values(), b.values(), features.get(j));
                assertArrayEquals(a.categories(), b.categories(), features.get(j));
                assertArrayEquals(a.counts(), b.counts(), features.get(j));
                assertArrayEquals(a.sums(), b.sums(), features.get(j));
            }
        }
        double[] holed = y.clone();
        holed[17] = Double.NaN;
        PartitaException missing = assertThrows(PartitaException.class,
                () -> TrainingData.counts(adult, "income", features, holed, List.of(few)));
        assertTrue(missing.getMessage().contains("Row 17 of target column 'income' is missing"), missing.getMessage());
    }

    @Test
    void aRegressorFromMergedCountsIsTheRegressorFromTheRows() {
        Table adult = adult();
        List<String> features = adult.columnNames().stream().filter(c -> !c.equals("hours_per_week")
                && !c.equals("income")).toList();
        Params params = Params.builder().maxDepth(5).minInfoGain(0.001).build();
        RegressorModel fromRows = new XRegressor(params).fit(adult, "hours_per_week", features);

        TrainingData data = TrainingData.forRegression(adult, "hours_per_week", features);
        List<int[]> pieces = shuffledPieces(adult.rowCount(), 4, 11);
        List<ValueCounts> counts = new ArrayList<>();
        for (String f : features) {
            ValueCounts merged = null;
            for (int[] piece : pieces) {
                ValueCounts c = TrainingData.counts(adult, "hours_per_week", List.of(f),
                        Kind.REGRESSOR.read(adult.column("hours_per_week"), List.of()), List.of(piece)).get(0).get(0);
                merged = merged == null ? c : merged.merge(c);
            }
            counts.add(merged);
        }
        XRegressor estimator = new XRegressor(params);
        double[] hours = Kind.REGRESSOR.read(adult.column("hours_per_week"), List.of());
        RegressorModel grown = estimator.grow("hours_per_week", counts);
        RegressorModel fromCounts = estimator.fit(grown, pieces.stream().map(piece -> grown.leafCounts(adult, piece, Predictions.pick(hours, piece)))
                .reduce(LeafCounts::merge).orElseThrow());

        assertEquals(fromRows.leafCount(), fromCounts.leafCount());
        for (int j = 0; j < features.size(); j++) {
            List<Leaf> a = fromRows.snapshot().features().get(j).leaves();
            List<Leaf> b = fromCounts.snapshot().features().get(j).leaves();
            assertEquals(a.size(), b.size(), features.get(j));
            for (int l = 0; l < a.size(); l++) {
                assertEquals(a.get(l).lower(), b.get(l).lower(), features.get(j));
                assertEquals(a.get(l).upper(), b.get(l).upper(), features.get(j));
                assertEquals(a.get(l).category(), b.get(l).category(), features.get(j));
                assertEquals(a.get(l).count(), b.get(l).count(), features.get(j));
                assertEquals(a.get(l).score(), b.get(l).score(), 1e-12 * Math.max(1, Math.abs(a.get(l).score())));
            }
        }
        double[] p = fromRows.predict(adult);
        double[] q = fromCounts.predict(adult);
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 1e-12 * Math.abs(p[i]), "row " + i);
        }
        assertEquals(fromRows.baseValue(), fromCounts.baseValue(), 1e-12 * Math.abs(fromRows.baseValue()));
        assertFalse(fromCounts.hasTrainingData(), "it keeps no rows, as a loaded model");
    }

    @Test
    void leafCountsOfPiecesAddUpToTheCountsOfTheRows() {
        int[][] leaves = {{0, 1, 1, 0, 2}, {1, 0, 1, 1, 0}, {0, 0, 0, 1, 1}};
        double[] y = {1.5, 2, -1, 4, 0.25};
        LeafCounts all = LeafCounts.of(new int[] {3, 2, 2}, leaves, y);
        assertArrayEquals(new long[] {2, 2, 1, 2, 3, 3, 2}, all.count());
        assertArrayEquals(new double[] {5.5, 1, 0.25, 2.25, 4.5, 2.5, 4.25}, all.ySum());
        // pair (0,1): leaf of feature 0 x leaf of feature 1, row-major
        assertArrayEquals(new long[] {0, 2, 1, 1, 1, 0}, all.pairs()[0]);
        assertArrayEquals(new long[] {1, 1, 2, 1}, all.pairs()[2], "pair (1,2)");
        int[][] first = {{0, 1}, {1, 0}, {0, 0}};
        int[][] rest = {{1, 0, 2}, {1, 1, 0}, {0, 1, 1}};
        LeafCounts merged = LeafCounts.of(new int[] {3, 2, 2}, first, new double[] {1.5, 2})
                .merge(LeafCounts.of(new int[] {3, 2, 2}, rest, new double[] {-1, 4, 0.25}));
        assertArrayEquals(all.count(), merged.count());
        assertArrayEquals(all.ySum(), merged.ySum());
        for (int p = 0; p < all.pairs().length; p++) {
            assertArrayEquals(all.pairs()[p], merged.pairs()[p]);
        }
        assertEquals(5, merged.rows());
        assertEquals(6.75, merged.targetSum());
    }

    @Test
    void countsMergeInValueOrderAndAreChecked() {
        ValueCounts a = new ValueCounts("x", new double[] {1, 3}, null, new int[] {2, 1}, new double[] {1, 1}, 1, 0);
        ValueCounts b = new ValueCounts("x", new double[] {2, 3}, null, new int[] {1, 4}, new double[] {0, 2}, 0, 0);
        ValueCounts m = a.merge(b);
        assertArrayEquals(new double[] {1, 2, 3}, m.values());
        assertArrayEquals(new int[] {2, 1, 5}, m.counts());
        assertArrayEquals(new double[] {1, 0, 3}, m.sums());
        assertEquals(9, m.rows());
        ValueCounts c = new ValueCounts("c", null, new String[] {"a", "c"}, new int[] {1, 1}, new double[] {1, 0}, 0, 0);
        ValueCounts d = new ValueCounts("c", null, new String[] {"b"}, new int[] {2}, new double[] {1}, 0, 0);
        assertArrayEquals(new String[] {"a", "b", "c"}, c.merge(d).categories());
        assertThrows(PartitaException.class, () -> new ValueCounts("x", new double[] {1}, null, new int[] {1, 2},
                new double[] {0}, 0, 0));
        ValueCounts other = new ValueCounts("y", new double[] {1}, null, new int[] {5}, new double[] {1}, 0, 0);
        PartitaException rows = assertThrows(PartitaException.class, () -> new XClassifier().grow("t", List.of(0, 1),
                List.of(a, other)));
        assertTrue(rows.getMessage().contains("cover different rows"), rows.getMessage());
        PartitaException optimised = assertThrows(PartitaException.class, () -> new XClassifier(
                Params.builder().optimise(true).build()).grow("t", List.of(0, 1), List.of(a)));
        assertTrue(optimised.getMessage().contains("cannot fit from aggregated statistics"), optimised.getMessage());
    }
}
