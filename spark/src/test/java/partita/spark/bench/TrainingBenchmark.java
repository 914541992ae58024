package partita.spark.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.XClassifier;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.segment.PartitionSpec;
import partita.spark.SparkPartitionedTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Partitioned training of generated data, in process or on Spark in local mode (spark/bench/run.sh):
 * {@code rows} rows, {@code segments} segments, 18 numeric features of 100 levels and 2 categorical
 * ones of 10, a 0/1 target from a logistic model with a per-segment shift. Row i is drawn from a
 * generator seeded with i, so both modes train on the same rows: in process a Table made before the
 * clock starts, on Spark a Parquet file (in java.io.tmpdir, written once) that the timed job reads.
 * Prints wall time, rows/s and the peak heap used (sampled every 20 ms, the data included), and the
 * model's segment count and a checksum of its scores
 * on 10,000 rows (the same in both modes for the same data).
 */
public final class TrainingBenchmark {

    static final int NUMERIC = 18;
    static final int CATEGORICAL = 2;

    private TrainingBenchmark() {
    }

    /** Row i: segment, features, target. */
    static Object[] row(long i, int segments) {
        SplittableRandom r = new SplittableRandom(0x9E3779B97F4A7C15L * (i + 1));
        Object[] out = new Object[1 + NUMERIC + CATEGORICAL + 1];
        int segment = (int) (i % segments);
        out[0] = String.format("s%04d", segment);
        double logit = (segment % 7 - 3) * 0.3;
        for (int j = 0; j < NUMERIC; j++) {
            double v = r.nextInt(100) / 10.0;
            out[1 + j] = v;
            logit += j < 6 ? (v - 5) * (0.4 - 0.05 * j) : 0;
        }
        for (int j = 0; j < CATEGORICAL; j++) {
            int c = r.nextInt(10);
            out[1 + NUMERIC + j] = "c" + c;
            logit += j == 0 ? (c - 4.5) * 0.1 : 0;
        }
        out[out.length - 1] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "yes" : "no";
        return out;
    }

    static List<String> features() {
        List<String> f = new ArrayList<>();
        for (int j = 0; j < NUMERIC; j++) {
            f.add("x" + j);
        }
        for (int j = 0; j < CATEGORICAL; j++) {
            f.add("k" + j);
        }
        return f;
    }

    static Table table(long from, long to, int segments) {
        StringColumn seg = StringColumn.create("segment");
        DoubleColumn[] x = new DoubleColumn[NUMERIC];
        StringColumn[] k = new StringColumn[CATEGORICAL];
        for (int j = 0; j < NUMERIC; j++) {
            x[j] = DoubleColumn.create("x" + j);
        }
        for (int j = 0; j < CATEGORICAL; j++) {
            k[j] = StringColumn.create("k" + j);
        }
        StringColumn y = StringColumn.create("y");
        for (long i = from; i < to; i++) {
            Object[] r = row(i, segments);
            seg.append((String) r[0]);
            for (int j = 0; j < NUMERIC; j++) {
                x[j].append((double) r[1 + j]);
            }
            for (int j = 0; j < CATEGORICAL; j++) {
                k[j].append((String) r[1 + NUMERIC + j]);
            }
            y.append((String) r[r.length - 1]);
        }
        Table t = Table.create("generated", seg);
        t.addColumns(x);
        t.addColumns(k);
        return t.addColumns(y);
    }

    static Dataset<Row> dataset(SparkSession spark, long rows, int segments) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("segment", DataTypes.StringType, false));
        for (int j = 0; j < NUMERIC; j++) {
            fields.add(DataTypes.createStructField("x" + j, DataTypes.DoubleType, false));
        }
        for (int j = 0; j < CATEGORICAL; j++) {
            fields.add(DataTypes.createStructField("k" + j, DataTypes.StringType, false));
        }
        fields.add(DataTypes.createStructField("y", DataTypes.StringType, false));
        StructType schema = DataTypes.createStructType(fields);
        return spark.createDataFrame(spark.range(0, rows, 1, 8).javaRDD().map(i -> RowFactory.create(row(i, segments))),
                schema);
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        long rows = Long.parseLong(args[1]);
        int segments = Integer.parseInt(args[2]);
        boolean optimise = args.length > 3 && args[3].equals("optimise");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        PartitionedTrainer<ClassifierModel> trainer = PartitionedTrainer.of(
                        new XClassifier(Params.builder().maxDepth(5).optimise(optimise).build()),
                        PartitionSpec.by("segment").minSize(100))
                .features(features()).threads(2);
        PartitionedModel<ClassifierModel> model;
        long start;
        if (mode.equals("local")) {
            Table data = table(0, rows, segments);
            start = System.nanoTime();
            model = trainer.fit(data, "y");
        } else {
            SparkSession spark = SparkSession.builder().master("local[2]").appName("partita-bench")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
            // the rows as a Parquet file, written once (untimed): training reads them as from a data lake
            java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                    "partita-bench-" + rows + "x" + segments + ".parquet");
            if (!java.nio.file.Files.exists(file.resolve("_SUCCESS"))) {
                dataset(spark, rows, segments).write().mode("overwrite").parquet(file.toString());
            }
            start = System.nanoTime();
            model = SparkPartitionedTrainer.of(trainer).fit(spark.read().parquet(file.toString()), "y");
            spark.stop();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        double checksum = 0;
        for (double s : model.predictScore(table(0, Math.min(rows, 10_000), segments))) {
            checksum += s;
        }
        System.out.printf("mode=%s%s rows=%d segments=%d features=%d: %.1f s, %.0f rows/s, peak heap %.0f MB;"
                        + " %d segments trained, score checksum %.12f%n", mode, optimise ? " optimised" : "", rows, segments,
                features().size(), seconds, rows / seconds, peak.get() / 1e6, model.segments().stream().filter(s -> s.trained()).count(), checksum);
    }
}
