package partita.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import partita.eval.Metric;
import partita.eval.Metrics;
import partita.model.ClassifierModel;
import partita.model.TrainingData;
import partita.model.XClassifier;
import partita.partition.Comparison;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.segment.PartitionSpec;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.selection.Selection;

/**
 * Partitioned training on adult (32,561 rows): time by {@code relationship} (6 segments +
 * {@code __dataset__} = 7 models) and by the 3-level hierarchy sex &gt; race &gt; relationship,
 * with 1 and 2 threads (speed-up), against one single model; and the peak heap used during
 * partitioned training above the heap in use before it (the loaded table): sampled every 2 ms,
 * and as the sum of the heap pools' peak usage (an upper bound: pools peak at different times).
 *
 * <p>Run from the repository root, in a JVM of its own:
 * <pre>
 * mvn -B -q -ntp -pl src test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx2g -cp %classpath partita.bench.PartitionBenchmark"
 * </pre>
 * Times are the median of 5 runs after 2 warm-up runs.
 */
public final class PartitionBenchmark {

    private static final int WARMUP = 2;
    private static final int RUNS = 5;

    private PartitionBenchmark() {
    }

    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : "notebooks/data/adult.csv");
        if (!csv.toFile().exists()) {
            csv = Path.of("../notebooks/data/adult.csv");
        }
        Table adult = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()));
        System.out.printf(Locale.ROOT, "adult: %d rows, %d columns; %d processors, java %s%n", adult.rowCount(),
                adult.columnCount(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        List<String> features = new ArrayList<>(adult.columnNames());
        features.remove("income");
        features.remove("relationship");
        double prepare = median(() -> TrainingData.forClassification(adult, "income", features));
        System.out.printf(Locale.ROOT, "prepare the table once (TrainingData, 13 features) %8.1f ms%n", prepare);
        double single = median(() -> new XClassifier().fit(adult, "income", features));
        System.out.printf(Locale.ROOT, "single model (13 features)                       %8.1f ms%n", single);

        PartitionSpec byRelationship = PartitionSpec.by("relationship");
        PartitionSpec hierarchy = PartitionSpec.by("sex", "race", "relationship").minSizes(1000, 300, 100);
        for (PartitionSpec spec : List.of(byRelationship, hierarchy)) {
            PartitionedModel<?> m = PartitionedTrainer.of(new XClassifier(), spec).threads(1).fit(adult, "income");
            double t1 = median(() -> PartitionedTrainer.of(new XClassifier(), spec).threads(1).fit(adult, "income"));
            double t2 = median(() -> PartitionedTrainer.of(new XClassifier(), spec).threads(2).fit(adult, "income"));
            System.out.printf(Locale.ROOT, "by %-28s %3d models  1 thread %8.1f ms   2 threads %8.1f ms   "
                    + "speed-up %.2fx%n", spec, m.trainedSegments().size(), t1, t2, t1 / t2);
        }

        compare(adult);

        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        for (PartitionSpec spec : List.of(byRelationship, hierarchy)) {
            System.gc();
            long base = mx.getHeapMemoryUsage().getUsed();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long sampled = peakDuring(mx, () -> PartitionedTrainer.of(new XClassifier(), spec).threads(2).fit(adult, "income"));
            long poolPeaks = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "peak heap above baseline (%.1f MB), by %-28s sampled %6.1f MB,"
                    + " pool peaks %6.1f MB%n", base / 1e6, spec, (sampled - base) / 1e6, (poolPeaks - base) / 1e6);
        }
    }

    /**
     * Quality on held-out rows (every 4th row; trained on the others), by relationship: pooled raw
     * scores of the segment models against calibrated probabilities, each against the single model.
     */
    private static void compare(Table adult) {
        Selection test = Selection.withRange(0, 0);
        for (int i = 0; i < adult.rowCount(); i += 4) {
            test.add(i);
        }
        Table held = adult.where(test);
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship")).threads(2)
                .fit(adult.where(Selection.withRange(0, adult.rowCount()).andNot(test)), "income");
        double[] y = held.stringColumn("income").asList().stream().mapToDouble(v -> v.equals(">50K") ? 1 : 0).toArray();
        double rawSingle = Metrics.auc(y, m.datasetModel().predictScore(held));
        double rawPooled = Metrics.auc(y, m.predictScore(held));
        Comparison.Row all = m.compare(held).overall();
        System.out.printf(Locale.ROOT, "adult by relationship, %d held-out rows: AUC single %.4f; pooled raw scores"
                        + " %.4f (%+.4f); calibrated: AUC %.4f vs %.4f (%+.4f), accuracy %.4f vs %.4f (%+.4f),"
                        + " log loss %.4f vs %.4f%n", held.rowCount(), rawSingle, rawPooled, rawPooled - rawSingle,
                all.partitioned().get(Metric.AUC), all.single().get(Metric.AUC), all.improvement(Metric.AUC),
                all.partitioned().get(Metric.ACCURACY), all.single().get(Metric.ACCURACY), all.improvement(Metric.ACCURACY),
                all.partitioned().get(Metric.LOG_LOSS), all.single().get(Metric.LOG_LOSS));
    }

    /** Median wall time in ms of RUNS runs after WARMUP runs. */
    private static double median(Supplier<?> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    /** Highest used heap seen while the work runs, sampled every 2 ms on another thread. */
    private static long peakDuring(MemoryMXBean mx, Supplier<?> work) {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(mx.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        Object result = work.get();
        peak.accumulateAndGet(mx.getHeapMemoryUsage().getUsed(), Math::max);
        running.set(false);
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result == null ? 0 : peak.get();
    }
}
