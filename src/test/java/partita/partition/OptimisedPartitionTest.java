package partita.partition;

import partita.eval.Metric;
import partita.eval.Metrics;
import partita.io.ModelFiles;
import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.TransparentModel;
import partita.model.XClassifier;
import partita.partition.segment.PartitionSpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

/** Optimised partitioned models: each segment pulled toward its parent, small segments do not overfit. */
class OptimisedPartitionTest {

    private static final Params OPTIMISED = Params.builder().optimise(true).build();

    private static Table[] split(Table t) {
        return new Table[] {t.rows(IntStream.range(0, t.rowCount()).filter(i -> i % 5 != 0).toArray()),
            t.rows(IntStream.range(0, t.rowCount()).filter(i -> i % 5 == 0).toArray())};
    }

    private static double[] y(Table t) {
        return t.stringColumn("income").asList().stream().mapToDouble(v -> v.equals(">50K") ? 1 : 0).toArray();
    }

    @Test
    void partitionedByRelationshipIsAsAccurateAsTheSingleModel() {
        Table[] s = split(Data.adult());
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(OPTIMISED), PartitionSpec.by("relationship"))
                .fit(s[0], "income");
        Comparison c = m.compare(s[1]);
        // the single model on every feature (__dataset__ of the partitioned model has no relationship column)
        double single = Metrics.auc(y(s[1]), new partita.model.XClassifier(OPTIMISED).fit(s[0], "income")
                .predictProba(s[1]));
        double partitioned = c.rows().get(0).partitioned().get(Metric.AUC);
        assertTrue(single >= 0.918, "single " + single);
        assertTrue(partitioned >= 0.918 && partitioned >= single - 0.002, partitioned + " vs single " + single);
        PartitionedModel<ClassifierModel> ref = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship")).fit(s[0], "income");
        double refLogLoss = ref.compare(s[1]).rows().get(0).partitioned().get(Metric.LOG_LOSS);
        assertTrue(c.rows().get(0).partitioned().get(Metric.LOG_LOSS) < refLogLoss);
        for (Segment seg : m.segments()) {
            assertTrue(seg.model().optimised(), seg.name());
        }
        assertTrue(m.summary().table().columnNames().contains("penalty"));
        Table side = Comparison.sideBySide(Map.of("optimised", c));
        assertEquals(partitioned, side.doubleColumn("auc").get(1), 0);
        // monitoring scores each segment's rows with its own (sigmoid) probabilities, as the comparison does
        MonitorReport mon = m.monitor(s[1], 0.5, 30);
        Table seg = mon.table();
        int husband = seg.stringColumn("segment").indexOf("Husband");
        double compared = c.rows().stream().filter(r -> r.segment().equals("Husband")).findFirst().orElseThrow()
                .partitioned().get(Metric.AUC);
        assertEquals(compared, seg.doubleColumn("auc").get(husband), 1e-12);
    }

    @Test
    void aSmallSegmentIsNotWorseThanItsFallback() {
        // Amer-Indian-Eskimo: about 250 training rows. Pulled toward __dataset__, its model must not lose to it on its
        // held-out rows; pulled toward 0 (a model on its rows alone) it loses badly (AUC 0.76 against 0.94).
        Table[] s = split(Data.adult());
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(OPTIMISED), PartitionSpec.by("race").minSize(200))
                .fit(s[0], "income");
        Segment small = m.segments().stream().filter(x -> x.name().equals("Amer-Indian-Eskimo")).findFirst().orElseThrow();
        assertTrue(small.trained() && small.rows() < 300, small.rows() + " rows");
        Table held = s[1].where(s[1].stringColumn("race").isEqualTo("Amer-Indian-Eskimo"));
        double[] y = y(held);
        double[] own = small.model() instanceof ClassifierModel cm ? cm.predictProba(held) : null;
        double[] fallback = m.datasetModel().predictProba(held);
        assertTrue(Metrics.auc(y, own) >= Metrics.auc(y, fallback) - 0.005,
                Metrics.auc(y, own) + " vs fallback " + Metrics.auc(y, fallback));
        assertTrue(Metrics.logLoss(y, own) <= Metrics.logLoss(y, fallback) * 1.02,
                Metrics.logLoss(y, own) + " vs fallback " + Metrics.logLoss(y, fallback));
    }

    @Test
    void samePartitionedModelWhateverTheThreadsAndAfterSaveLoadAndRefit(@TempDir Path dir) {
        Table adult = Data.adult();
        PartitionedTrainer<ClassifierModel> p = PartitionedTrainer.of(new XClassifier(OPTIMISED), PartitionSpec.by("sex", "relationship").minSize(300));
        PartitionedModel<ClassifierModel> two = p.threads(2).fit(adult, "income");
        PartitionedModel<ClassifierModel> one = p.threads(1).fit(adult, "income");
        assertArrayEquals(two.predictScore(adult), one.predictScore(adult));
        assertEquals(two.predict(adult), one.predict(adult));
        Path file = dir.resolve("m.json");
        ModelFiles.save(two, file);
        PartitionedModel<?> back = ModelFiles.load(file, PartitionedModel.class);
        assertArrayEquals(two.predictScore(adult), back.predictScore(adult));
        // a refit re-optimises and needs the rows; attached again, every segment is pulled toward its parent as before
        PartitionedModel<?> attached = back.withTrainingData(adult);
        assertArrayEquals(two.predictScore(adult), attached.refit(b -> b).predictScore(adult));
        PartitionedModel<?> shallow = attached.refit(b -> b.set("max_depth", "3"), List.of("Male > Husband"), List.of());
        TransparentModel refitted = shallow.model("Male > Husband");
        assertTrue(refitted.optimised());
        assertEquals(3, refitted.params().maxDepth());
        assertArrayEquals(two.refit(b -> b.set("max_depth", "3"), List.of("Male > Husband"), List.of()).predictScore(adult),
                shallow.predictScore(adult));
    }
}
