package partita.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import partita.eval.Metrics;
import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.TransparentModel;
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
        PartitionedClassifier m = Partitioner.of(PartitionSpec.by("relationship")).params(OPTIMISED)
                .fitClassifier(s[0], "income");
        Comparison c = m.compare(s[1]);
        // the single model on every feature (__dataset__ of the partitioned model has no relationship column)
        double single = Metrics.auc(y(s[1]), new partita.model.XClassifier(OPTIMISED).fit(s[0], "income")
                .predictProba(s[1]));
        double partitioned = c.rows().get(0).partitioned().get("auc");
        assertTrue(single >= 0.918, "single " + single);
        assertTrue(partitioned >= 0.918 && partitioned >= single - 0.002, partitioned + " vs single " + single);
        PartitionedClassifier ref = Partitioner.of(PartitionSpec.by("relationship")).fitClassifier(s[0], "income");
        double refLogLoss = ref.compare(s[1]).rows().get(0).partitioned().get("log_loss");
        assertTrue(c.rows().get(0).partitioned().get("log_loss") < refLogLoss);
        for (Segment seg : m.segments()) {
            assertTrue(seg.model().optimised(), seg.name());
        }
        assertTrue(m.summary().columnNames().contains("penalty"));
        Table side = Comparison.sideBySide(Map.of("optimised", c));
        assertEquals(partitioned, side.doubleColumn("auc").get(1), 0);
        // monitoring scores each segment's rows with its own (sigmoid) probabilities, as the comparison does
        MonitorReport mon = m.monitor(s[1], 0.5, 30);
        Table seg = mon.segments();
        int husband = seg.stringColumn("segment").indexOf("Husband");
        double compared = c.rows().stream().filter(r -> r.segment().equals("Husband")).findFirst().orElseThrow()
                .partitioned().get("auc");
        assertEquals(compared, seg.doubleColumn("auc").get(husband), 1e-12);
    }

    @Test
    void aSmallSegmentIsNotWorseThanItsFallback() {
        // Amer-Indian-Eskimo: about 250 training rows. Pulled toward __dataset__, its model must not lose to it on its
        // held-out rows; pulled toward 0 (a model on its rows alone) it loses badly (AUC 0.76 against 0.94).
        Table[] s = split(Data.adult());
        PartitionedClassifier m = Partitioner.of(PartitionSpec.by("race").minSize(200)).params(OPTIMISED)
                .fitClassifier(s[0], "income");
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
        Partitioner p = Partitioner.of(PartitionSpec.by("sex", "relationship").minSize(300)).params(OPTIMISED);
        PartitionedClassifier two = p.threads(2).fitClassifier(adult, "income");
        PartitionedClassifier one = p.threads(1).fitClassifier(adult, "income");
        assertArrayEquals(two.predictScore(adult), one.predictScore(adult));
        assertEquals(two.predict(adult), one.predict(adult));
        Path file = dir.resolve("m.json");
        two.save(file);
        PartitionedModel back = PartitionedModel.load(file);
        assertArrayEquals(two.predictScore(adult), back.predictScore(adult));
        // a refit re-optimises and needs the rows; attached again, every segment is pulled toward its parent as before
        PartitionedModel attached = back.withTrainingData(adult);
        assertArrayEquals(two.predictScore(adult), attached.refit(Map.of()).predictScore(adult));
        PartitionedModel shallow = attached.refit(Map.of("max_depth", 3), List.of("Male > Husband"), null);
        TransparentModel refitted = shallow.model("Male > Husband");
        assertTrue(refitted.optimised());
        assertEquals(3, refitted.params().maxDepth());
        assertArrayEquals(two.refit(Map.of("max_depth", 3), List.of("Male > Husband"), null).predictScore(adult),
                shallow.predictScore(adult));
    }
}
