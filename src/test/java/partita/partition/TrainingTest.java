package partita.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import partita.PartitaException;
import partita.io.ModelFiles;
import partita.io.ModelJson;
import partita.model.ClassifierModel;
import partita.model.Kind;
import partita.model.Params;
import partita.model.RegressorModel;
import partita.model.TransparentModel;
import partita.model.XClassifier;
import partita.model.XRegressor;
import partita.partition.segment.Derivation;
import partita.partition.segment.Level;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.ValueMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Training partitioned models on real data: segments, statuses, routing, determinism, cancellation. */
class TrainingTest {

    /** adult by relationship, min size 1000: Other-relative (981 rows) falls back. */
    static PartitionedModel<ClassifierModel> byRelationship;

    @BeforeAll
    static void fit() {
        byRelationship = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship").minSize(1000)).threads(2)
                .fit(Data.adult(), "income");
    }

    private static List<String> featuresOfAdultBut(String... excluded) {
        List<String> out = new ArrayList<>(Data.adult().columnNames());
        out.remove("income");
        out.removeAll(List.of(excluded));
        return out;
    }

    @Test
    void oneModelPerSegmentAndPartitionColumnsAreNotFeatures() {
        PartitionedModel<ClassifierModel> m = byRelationship;
        assertEquals(List.of("__dataset__", "Husband", "Not-in-family", "Other-relative", "Own-child", "Unmarried",
                "Wife"), m.segments().stream().map(Segment::name).toList());
        assertEquals(List.of("__dataset__", "Husband", "Not-in-family", "Own-child", "Unmarried", "Wife"),
                m.trainedSegments());
        Segment other = m.segment("Other-relative");
        assertEquals(SegmentStatus.TOO_SMALL, other.status());
        assertEquals("981 rows < min_size 1000", other.reason());
        assertNull(other.model());
        assertEquals(featuresOfAdultBut("relationship"), m.features());
        for (String s : m.trainedSegments()) {
            assertFalse(m.model(s).features().contains("relationship"), s);
        }
        assertEquals(13193, m.segment("Husband").rows());
        assertEquals("", m.segment("Husband").reason(), "one of the 13,193 husbands is female: sex is not constant");
        assertEquals(List.of("<=50K", ">50K"), m.datasetModel().labels());
        PartitaException e = assertThrows(PartitaException.class, () -> m.model("Other-relative"));
        assertTrue(e.getMessage().contains("has no model: it is too-small (981 rows < min_size 1000). Its rows are "
                + "scored by __dataset__"), e.getMessage());
        assertTrue(assertThrows(PartitaException.class, () -> m.segment("Husbnd")).getMessage()
                .contains("Did you mean: Husband?"));
    }

    @Test
    void segmentModelsOnViewsEqualModelsFittedOnCopies() {
        Table adult = Data.adult();
        List<String> features = featuresOfAdultBut("relationship");
        ClassifierModel single = new XClassifier().fit(adult, "income", features);
        assertArrayEquals(single.predictScore(adult), byRelationship.datasetModel().predictScore(adult));
        Table wives = adult.where(adult.stringColumn("relationship").isEqualTo("Wife"));
        ClassifierModel wife = new XClassifier().fit(wives, "income", features);
        assertArrayEquals(wife.predictScore(adult), byRelationship.model("Wife").predictScore(adult));
    }

    @Test
    void everyRowIsScoredByItsServingModelInRowOrder() {
        Table adult = Data.adult();
        double[] scores = byRelationship.predictScore(adult);
        double[] proba = byRelationship.predictProba(adult);
        Table route = byRelationship.route(adult);
        assertEquals(adult.rowCount(), scores.length);
        assertEquals(List.of("row", "segment", "model", "level", "fallback", "reason"), route.columnNames());
        Map<String, double[]> byModel = new java.util.HashMap<>();
        for (String s : byRelationship.trainedSegments()) {
            byModel.put(s, byRelationship.model(s).predictScore(adult));
        }
        double[] datasetProba = byRelationship.datasetModel().predictProba(adult);
        int fallbacks = 0;
        for (int i = 0; i < adult.rowCount(); i++) {
            String rel = adult.stringColumn("relationship").get(i);
            String expected = rel.equals("Other-relative") ? "__dataset__" : rel;
            assertEquals(expected, route.stringColumn("model").get(i));
            assertEquals(byModel.get(expected)[i], scores[i], 0.0, "row " + i);
            if (expected.equals("__dataset__")) {
                fallbacks++;
                assertEquals(datasetProba[i], proba[i], 0.0, "a fallback row scores exactly like __dataset__");
                assertTrue(route.booleanColumn("fallback").get(i));
                assertEquals("too-small", route.stringColumn("reason").get(i));
            }
        }
        assertEquals(981, fallbacks);
        assertEquals("Wife", byRelationship.modelFor(adult, adult.stringColumn("relationship").indexOf("Wife")));
        List<Object> labels = byRelationship.predict(adult);
        for (int i = 0; i < 200; i++) {
            assertEquals(scores[i] > 0.5 ? ">50K" : "<=50K", labels.get(i));
        }
    }

    @Test
    void unknownMissingAndMixedSegmentValuesAreRoutedAndAnswered() {
        Table adult = Data.adult();
        StringColumn original = adult.stringColumn("relationship");
        // every 4th row a relationship never seen in training, every 4th + 1 a missing one
        Table mixed = Data.withText(adult.first(400), "relationship",
                i -> i % 4 == 0 ? "Stepchild" : i % 4 == 1 ? null : original.get(i));
        StringColumn rel = mixed.stringColumn("relationship");
        double[] scores = byRelationship.predictScore(mixed);
        double[] dataset = byRelationship.datasetModel().predictScore(mixed);
        double[] husband = byRelationship.model("Husband").predictScore(mixed);
        Table route = byRelationship.route(mixed);
        for (int i = 0; i < 400; i++) {
            String r = rel.isMissing(i) ? null : rel.get(i);
            if (i % 4 < 2) {
                assertEquals(dataset[i], scores[i], 0.0, "unknown or missing segment -> __dataset__, row " + i);
                assertEquals("unseen in training", route.stringColumn("reason").get(i));
            } else if ("Husband".equals(r)) {
                assertEquals(husband[i], scores[i], 0.0);
            }
        }
        assertEquals("(missing)", route.stringColumn("segment").get(1));
        assertEquals("Stepchild", route.stringColumn("segment").get(0));
        assertEquals("__dataset__", byRelationship.modelFor(mixed, 1));
    }

    @Test
    void hierarchyRoutesToTheDeepestTrainedLevel() {
        Table adult = Data.adult();
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex", "race", "relationship").minSizes(3000, 1000, 800))
                .threads(2).fit(adult, "income");
        assertEquals(SegmentStatus.TRAINED, m.segment("Female").status());
        assertEquals(SegmentStatus.TOO_SMALL, m.segment("Female > Other").status());
        assertEquals("109 rows < min_size 1000", m.segment("Female > Other").reason());
        assertEquals(SegmentStatus.TRAINED, m.segment("Male > White > Husband").status());
        Table route = m.route(adult);
        double[] scores = m.predictScore(adult);
        Map<String, double[]> byModel = new java.util.HashMap<>();
        for (int i = 0; i < adult.rowCount(); i++) {
            SegmentKey path = SegmentKey.of(adult.stringColumn("sex").get(i), adult.stringColumn("race").get(i),
                    adult.stringColumn("relationship").get(i));
            String expected = "__dataset__";
            for (int d = 3; d >= 1; d--) {
                Segment s = m.segment(path.prefix(d));
                if (s.trained()) {
                    expected = s.name();
                    break;
                }
            }
            assertEquals(expected, route.stringColumn("model").get(i), "row " + i);
            double[] own = byModel.computeIfAbsent(expected, s -> m.model(s).predictScore(adult));
            assertEquals(own[i], scores[i], 0.0);
        }
        int femaleOther = adult.stringColumn("sex").isEqualTo("Female").and(adult.stringColumn("race").isEqualTo("Other"))
                .get(0);
        assertEquals("Female", m.modelFor(adult, femaleOther), "a too-small level falls back to its parent");
    }

    @Test
    void failingSegmentsFallBackWithTheirReason() {
        Table adult = Data.adult();
        StringColumn rel = adult.stringColumn("relationship");
        StringColumn income = adult.stringColumn("income");
        // all-missing target in one segment
        Table noTarget = Data.withText(adult, "income", i -> rel.get(i).equals("Other-relative") ? null : income.get(i));
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship").minSize(50)).threads(2)
                .fit(noTarget, "income");
        Segment other = m.segment("Other-relative");
        assertEquals(SegmentStatus.FAILED, other.status());
        assertEquals("target 'income' is missing in all its rows; 981 rows without a target left out", other.reason());
        assertEquals(32561 - 981, m.segment("__dataset__").rows());
        assertEquals(6, m.trainedSegments().size());

        // education_num recodes education: constant within every education segment, so a Bachelors model
        // on it alone has nothing to learn; all 51 Preschool rows earn <=50K: one class
        PartitionedModel<ClassifierModel> byEducation = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("education").minSize(50)).threads(2)
                .features("Bachelors", "education_num")
                .fit(adult, "income");
        Segment bachelors = byEducation.segment("Bachelors");
        assertEquals(SegmentStatus.FAILED, bachelors.status());
        assertEquals("every feature is constant in its rows (education_num): nothing to learn", bachelors.reason());
        Segment preschool = byEducation.segment("Preschool");
        assertEquals(SegmentStatus.FAILED, preschool.status());
        assertEquals("only one class (<=50K) among its 51 rows", preschool.reason());
        assertEquals(SegmentStatus.TRAINED, byEducation.segment("Masters").status());
        assertEquals("constant here: education_num", byEducation.segment("Masters").reason());
        Table summary = byEducation.summary().table();
        int row = summary.stringColumn("segment").indexOf("Preschool");
        assertEquals("failed", summary.stringColumn("status").get(row));
        assertEquals(0, summary.intColumn("leaves").get(row));

        double[] scores = byEducation.predictScore(adult);
        double[] dataset = byEducation.datasetModel().predictScore(adult);
        double[] masters = byEducation.model("Masters").predictScore(adult);
        for (int i = 0; i < scores.length; i++) {
            String e = adult.stringColumn("education").get(i);
            if (e.equals("Bachelors") || e.equals("Preschool")) {
                assertEquals(dataset[i], scores[i], 0.0, "failed segments fall back, row " + i);
            } else if (e.equals("Masters")) {
                assertEquals(masters[i], scores[i], 0.0);
            }
        }
    }

    @Test
    void minSizeLargerThanEverySegmentLeavesOnlyTheDatasetModel() {
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship").minSize(100_000)).threads(2)
                .fit(Data.adult(), "income");
        assertEquals(List.of("__dataset__"), m.trainedSegments());
        assertTrue(m.segments().stream().skip(1).allMatch(s -> s.status() == SegmentStatus.TOO_SMALL));
        assertEquals("13193 rows < min_size 100000", m.segment("Husband").reason());
        assertArrayEquals(m.datasetModel().predictScore(Data.adult()), m.predictScore(Data.adult()));
    }

    @Test
    void summaryTable() {
        Table s = byRelationship.summary().table();
        assertEquals(List.of("segment", "level", "rows", "status", "reason", "max_depth", "min_info_gain", "params",
                "features", "leaves", "fit_ms", "train_auc"), s.columnNames());
        assertEquals(7, s.rowCount());
        assertEquals("trained", s.stringColumn("status").get(0));
        assertEquals("too-small", s.stringColumn("status").get(3));
        assertEquals(8, s.intColumn("max_depth").get(1));
        assertEquals("defaults", s.stringColumn("params").get(1));
        assertEquals(13, s.intColumn("features").get(0));
        assertEquals(byRelationship.model("Wife").leafCount(), s.intColumn("leaves").get(6));
        double auc = s.doubleColumn("train_auc").get(0);
        assertTrue(auc > 0.85 && auc < 0.95, "training AUC of __dataset__ on adult: " + auc);
        assertTrue(s.intColumn("max_depth").isMissing(3), "no parameters for a too-small segment");
    }

    @Test
    void resultsAreIdenticalForAnyThreadCount() {
        PartitionedTrainer<ClassifierModel> p = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship", "sex").minSize(200));
        PartitionedModel<ClassifierModel> one = p.threads(1).fit(Data.adult(), "income");
        PartitionedModel<ClassifierModel> four = p.threads(4).fit(Data.adult(), "income");
        assertArrayEquals(one.predictScore(Data.adult()), four.predictScore(Data.adult()));
        assertArrayEquals(one.predictProba(Data.adult()), four.predictProba(Data.adult()));
        assertEquals(one.segments().size(), four.segments().size());
        for (int i = 0; i < one.segments().size(); i++) {
            Segment a = one.segments().get(i);
            Segment b = four.segments().get(i);
            assertEquals(a.key(), b.key());
            assertEquals(a.status(), b.status());
            assertEquals(a.trainingMetric(), b.trainingMetric());
            if (a.model() != null) {
                assertEquals(ModelJson.toJson(a.model()), ModelJson.toJson(b.model()), a.name());
            }
        }
    }

    @Test
    void progressIsReportedPerFinishedSegmentOnTheCallingThread() {
        List<TrainingProgress> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship").minSize(1000)).threads(2)
                .onProgress(p -> {
                    seen.add(p);
                    threads.add(Thread.currentThread());
                })
                .fit(Data.adult(), "income");
        assertEquals(6, seen.size(), "__dataset__ + 5 trained segments");
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i).done());
            assertEquals(6, seen.get(i).total());
            assertSame(caller, threads.get(i));
        }
        assertEquals(java.util.Set.of("__dataset__", "Husband", "Not-in-family", "Own-child", "Unmarried", "Wife"),
                seen.stream().map(p -> p.segment().name()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void trainingIsCancellableBetweenSegments() {
        AtomicInteger fits = new AtomicInteger();
        PartitionedTrainer<ClassifierModel> p = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship").minSize(1000)).threads(1)
                .onProgress(x -> fits.incrementAndGet()).cancelWhen(() -> fits.get() >= 2);
        TrainingCancelledException e = assertThrows(TrainingCancelledException.class,
                () -> p.fit(Data.adult(), "income"));
        assertEquals(2, fits.get(), "no segment starts after the signal");
        assertEquals("Training was cancelled after 2 of 6 segment fits; no model was produced and nothing else "
                + "changed. Run the training again to get a model.", e.getMessage());
        assertTrue(e instanceof PartitaException);

        Thread.currentThread().interrupt();
        try {
            assertThrows(TrainingCancelledException.class, () -> PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship"))
                    .fit(Data.adult(), "income"));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void perSegmentOverridesAndFeatureSubsets() {
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(Params.builder().maxDepth(5).build()),
                        PartitionSpec.by("relationship").minSize(1000)).threads(2)
                .override("Husband", b -> b.maxDepth(7).minInfoGain(0.001))
                .features("Wife", "age", "hours_per_week", "education_num")
                .override("__dataset__", b -> b.maxDepth(6))
                .fit(Data.adult(), "income");
        assertEquals(7, m.segment("Husband").params().maxDepth());
        assertEquals(0.001, m.segment("Husband").params().minInfoGain());
        assertEquals(5, m.segment("Unmarried").params().maxDepth());
        assertEquals(6, m.segment("__dataset__").params().maxDepth());
        assertEquals(List.of("age", "hours_per_week", "education_num"), m.model("Wife").features());
        assertEquals(List.of("age", "hours_per_week", "education_num"), m.segment("Wife").features());
        assertEquals("max_depth=7, min_info_gain=0.001", m.summary().table().stringColumn("params").get(1));

        PartitionedTrainer<ClassifierModel> p = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship"));
        assertTrue(assertThrows(PartitaException.class, () -> p.override("Husbands", b -> b.set("max_depth", "3"))
                .fit(Data.adult(), "income")).getMessage().contains("Unknown segment 'Husbands'. Did you mean: Husband?"));
        assertTrue(assertThrows(PartitaException.class, () -> p.features("Wife", "agee")
                .fit(Data.adult(), "income")).getMessage().contains("Unknown feature 'agee'. Did you mean: age?"));
        assertTrue(assertThrows(PartitaException.class, () -> p.override("Wife", b -> b.set("max_dept", "3")))
                .getMessage().contains("Did you mean: max_depth?"));
        assertTrue(assertThrows(PartitaException.class, () -> p.override("Wife", b -> b.set("max_depth", "-1")))
                .getMessage().contains("max_depth=-1 is out of bounds"));
        assertTrue(assertThrows(PartitaException.class, () -> p.features(List.of("age", "relationship"))
                .fit(Data.adult(), "income")).getMessage().contains("'relationship' is a partition column"));
    }

    @Test
    void autoPolicyFollowsSegmentSizeAndVariance() {
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship").minSize(1000)).threads(2)
                .policy(Policy.AUTO).fit(Data.adult(), "income");
        double base = 7841.0 / 32561 * (1 - 7841.0 / 32561);
        for (Segment s : m.segments()) {
            if (!s.trained()) {
                continue;
            }
            double[] y = Data.adult().stringColumn("income").asList().stream().mapToDouble(v -> v.equals(">50K") ? 1 : 0)
                    .toArray();
            double p = 0;
            int n = 0;
            for (int i = 0; i < y.length; i++) {
                if (s.key().isDataset() || Data.adult().stringColumn("relationship").get(i).equals(s.name())) {
                    p += y[i];
                    n++;
                }
            }
            p /= n;
            double effective = n * (p * (1 - p) / base);
            int depth = (int) Math.max(2, Math.min(12, 1 + Math.round(Math.log(effective / 100) / Math.log(2))));
            assertEquals(depth, s.params().maxDepth(), s.name());
            double gain = Math.max(1e-6, Math.min(0.05, 1 / effective));
            assertEquals(gain, s.params().minInfoGain(), gain * 1e-9, s.name());
        }
        assertEquals(9, m.segment("__dataset__").params().maxDepth(), "32,561 rows: one level deeper than default");
        assertTrue(m.segment("Own-child").params().maxDepth() < m.segment("Husband").params().maxDepth(),
                "Own-child: 5,068 rows with a 1.3% positive rate; Husband: 13,193 rows near 45%");
    }

    @Test
    void guardedRoutingKeepsOnlySegmentsThatBeatTheDatasetModel() {
        List<TrainingProgress> progress = new ArrayList<>();
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship").minSize(200)).threads(2)
                .guarded(0.25, 7).onProgress(progress::add).fit(Data.adult(), "income");
        assertEquals(14, progress.size(), "7 fits without the held-out rows, then 7 fits or rejections");
        assertTrue(progress.stream().allMatch(p -> p.total() == 14));
        assertEquals(14, progress.get(13).done());
        int kept = 0;
        for (Segment s : m.segments().subList(1, m.segments().size())) {
            assertTrue(s.reason().contains("guard: log_loss "), s.name() + ": " + s.reason());
            java.util.regex.Matcher x = java.util.regex.Pattern
                    .compile("log_loss ([0-9.]+) vs __dataset__ ([0-9.]+) on (\\d+) held-out rows").matcher(s.reason());
            assertTrue(x.find(), s.reason());
            boolean beats = Double.parseDouble(x.group(1)) < Double.parseDouble(x.group(2));
            assertEquals(beats ? SegmentStatus.TRAINED : SegmentStatus.REJECTED, s.status(), s.name());
            kept += beats ? 1 : 0;
        }
        assertTrue(kept >= 1, "some relationship beats the single model on its held-out rows");
        double[] dataset = m.datasetModel().predictScore(Data.adult());
        double[] scores = m.predictScore(Data.adult());
        for (int i = 0; i < scores.length; i++) {
            Segment own = m.segment(SegmentKey.of(Data.adult().stringColumn("relationship").get(i)));
            if (own.status() == SegmentStatus.REJECTED) {
                assertEquals(dataset[i], scores[i], 0.0);
            }
        }
        // the kept models are refitted on all rows
        assertEquals(32561, m.segment("__dataset__").rows());
        // under the guard a segment that cannot be trained still says why
        PartitionedModel<ClassifierModel> byEducation = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("education").minSize(50)).threads(2)
                .guarded(0.2, 3).fit(Data.adult(), "income");
        assertEquals(SegmentStatus.FAILED, byEducation.segment("Preschool").status());
        assertEquals("only one class (<=50K) among its 51 rows", byEducation.segment("Preschool").reason());
        assertThrows(PartitaException.class, () -> PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex")).guarded(1.5, 1));
    }

    @Test
    void badInputsAreRefusedClearly() {
        PartitionedTrainer<ClassifierModel> p = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationshp"));
        assertTrue(assertThrows(PartitaException.class, () -> p.fit(Data.adult(), "income")).getMessage()
                .startsWith("Unknown partition column 'relationshp'. Did you mean: relationship?"));
        assertTrue(assertThrows(PartitaException.class, () -> PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex"))
                .fit(Data.adult(), "incme")).getMessage().startsWith("Unknown target column 'incme'. Did you mean: income?"));
        assertTrue(assertThrows(PartitaException.class, () -> PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("income"))
                .fit(Data.adult(), "income")).getMessage().contains("is also a partition column"));
        assertTrue(assertThrows(PartitaException.class, () -> PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex")).threads(0))
                .getMessage().contains("at least 1 thread"));
        assertTrue(assertThrows(PartitaException.class, () -> new PartitionSpec(List.of())).getMessage()
                .contains("at least one level"));
        assertTrue(assertThrows(PartitaException.class, () -> PartitionSpec.by("sex", "sex")).getMessage()
                .contains("appears twice"));
        assertTrue(assertThrows(PartitaException.class, () -> PartitionSpec.by("sex", "race").minSizes(10)).getMessage()
                .contains("Give one per level"));
        assertTrue(assertThrows(PartitaException.class, () -> PartitionSpec.by("sex").minSize(0)).getMessage()
                .contains("at least 1"));
        assertEquals("sex > month(day)", PartitionSpec.of(Level.of("sex"), Level.derived(Derivation.MONTH, "day")).toString());
        assertTrue(assertThrows(PartitaException.class, () -> PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex"))
                .features("Male", "age", "sex").fit(Data.adult(), "income")).getMessage()
                .contains("'sex' in the features of segment 'Male' is a partition column"));
        assertEquals("Partitioned classifier of income by relationship: 6 of 7 models trained (1 too-small)",
                byRelationship.toString());
    }

    @Test
    void booleanAndMissingSegmentValuesTrainRouteAndSurviveTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Table adult = Data.adultWithMissing().copy();
        tech.tablesaw.api.BooleanColumn investor = tech.tablesaw.api.BooleanColumn.create("investor");
        adult.intColumn("capital_gain").forEach(g -> investor.append(g > 0));
        adult.addColumns(investor);
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("workclass", "investor").minSizes(1000, 300))
                .threads(2).features(List.of("age", "education_num", "hours_per_week", "occupation"))
                .fit(adult, "income");
        assertEquals(SegmentStatus.TRAINED, m.segment("(missing)").status(), "1,836 rows without a workclass");
        assertEquals(1836, m.segment("(missing)").rows());
        assertEquals(SegmentKey.of("Private", true), m.segment("Private > true").key());
        assertTrue(m.segment("Private > false").trained());
        Table route = m.route(adult);
        for (int i = 0; i < adult.rowCount(); i++) {
            boolean missing = adult.stringColumn("workclass").isMissing(i);
            String model = route.stringColumn("model").get(i);
            if (missing) {
                assertTrue(model.startsWith("(missing)"), model);
            } else if (adult.stringColumn("workclass").get(i).equals("Private")) {
                assertEquals("Private > " + adult.booleanColumn("investor").get(i), model);
            }
        }
        java.nio.file.Path file = dir.resolve("m.json");
        ModelFiles.save(m, file);
        PartitionedModel<?> back = ModelFiles.load(file, PartitionedModel.class);
        assertEquals(SegmentKey.of("Private", false), back.segment("Private > false").key());
        assertArrayEquals(m.predictScore(adult), back.predictScore(adult));
    }

    @Test
    void aPartitionBindsTableTargetKindAndSegments() {
        Partition p = Partition.of(Data.adult(), "income", PartitionSpec.by("relationship").minSize(1000));
        assertEquals(Kind.CLASSIFIER, p.kind());
        assertEquals(Kind.REGRESSOR, Partition.of(Data.cars(), "Miles_per_Gallon", PartitionSpec.by("Origin")).kind());
        assertEquals(7, p.analysis().rows().size(), "__dataset__ and six relationships");
        PartitionedModel<?> m = PartitionedTrainer.of(p.kind().estimator(Params.defaults()), p.spec()).threads(2)
                .fit(p.data(), p.target());
        assertEquals(byRelationship.spec(), m.spec(), "the partition's segments, the trainer's settings");
        assertArrayEquals(byRelationship.predictScore(Data.adult()), m.predictScore(Data.adult()));
        assertTrue(assertThrows(PartitaException.class, () -> Partition.of(Data.adult(), "incom", p.spec()))
                .getMessage().contains("Did you mean: income?"));
    }

    @Test
    void typedKeysSurviveTrainingAndScoringRefusesAChangedColumnType() {
        Table cars = Data.cars();
        PartitionedModel<RegressorModel> m = PartitionedTrainer.of(new XRegressor(), PartitionSpec.by("Cylinders").minSize(5)
                        .map("Cylinders", new ValueMapping(Map.of("4", List.of("3", "5")), null)))
                .features(List.of("Displacement", "Horsepower", "Weight_in_lbs", "Acceleration")).threads(2)
                .fit(cars, "Miles_per_Gallon");
        assertEquals(List.of("__dataset__", "\"4\"", "4", "6", "8"), m.segments().stream().map(Segment::name).toList());
        assertEquals(7, m.segment("\"4\"").rows());
        assertEquals(204, m.segment("4").rows(), "207 four-cylinder cars, 3 without mpg");
        assertEquals("3 rows without a target left out", m.segment("4").reason());
        assertNotEquals(m.segment("4").model(), m.segment("\"4\"").model());
        PartitaException hint = assertThrows(PartitaException.class, () -> m.segment("5"));
        assertTrue(hint.getMessage().startsWith("Unknown segment '5'."), hint.getMessage());
        double[] predicted = m.predict(cars).stream().mapToDouble(v -> (Double) v).toArray();
        double[] fours = m.model("\"4\"").predict(cars);
        for (int i = 0; i < cars.rowCount(); i++) {
            int c = cars.intColumn("Cylinders").get(i);
            if (c == 3 || c == 5) {
                assertEquals(fours[i], predicted[i], 0.0);
            }
        }
        Table text = cars.copy();
        text.replaceColumn("Cylinders", cars.intColumn("Cylinders").asStringColumn().setName("Cylinders"));
        PartitaException e = assertThrows(PartitaException.class, () -> m.predict(text));
        assertTrue(e.getMessage().contains("'Cylinders' holds text values here but held number values in training"),
                e.getMessage());
    }

    @Test
    void derivedSegmentsTrainAndRoute() {
        Table cars = Data.cars();
        PartitionedModel<RegressorModel> m = PartitionedTrainer.of(new XRegressor(), PartitionSpec.of(Level.derived(Derivation.MONTH, "Year")).minSize(50)).threads(1)
                .features(List.of("Cylinders", "Displacement", "Horsepower", "Weight_in_lbs"))
                .fit(cars, "Miles_per_Gallon");
        assertEquals(List.of("__dataset__", "Jan"), m.trainedSegments(), "vega's cars dates are 1 January");
        assertEquals("8 rows without a target left out", m.segment("Jan").reason());
        TransparentModel jan = m.model("Jan");
        assertArrayEquals(jan.predictScore(cars), m.predictScore(cars));
    }
}
