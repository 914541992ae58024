package partita.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.RegressorModel;
import partita.model.TestData;
import partita.model.TrainingData;
import partita.model.XClassifier;
import partita.model.XRegressor;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Engine benchmark (not a unit test): fit, predict and refit on adult.csv and on synthetic
 * tables of 100k and 1M rows x 20 numeric features (10 continuous, 10 with ~1000 values).
 * Prints the median of several warm runs. Run from the repository root with
 * {@code mvn -q -pl src test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=partita.bench.EngineBenchmark}
 * (add {@code -Dexec.args="1000000"} to choose the synthetic sizes).
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("cores available: %d, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Table adult = TestData.adult();
        System.out.println("== adult.csv (" + adult.rowCount() + " rows x " + (adult.columnCount() - 1) + " features)");
        ClassifierModel model = time("classifier fit", adult.rowCount(), 25, () -> new XClassifier().fit(adult, "income"));
        time("classifier predictScore", adult.rowCount(), 25, () -> model.predictScore(adult));
        Params shallow = Params.builder().maxDepth(4).build();
        time("classifier refit, all features", adult.rowCount(), 50, () -> model.refit(b -> shallow.toBuilder()));
        time("classifier refit, one feature", adult.rowCount(), 50, () -> model.refit(b -> shallow.toBuilder(), "age"));
        RegressorModel reg = time("regressor fit (hours_per_week)", adult.rowCount(), 15,
                () -> new XRegressor().fit(adult, "hours_per_week"));
        time("regressor refit, all features", adult.rowCount(), 15, () -> reg.refit(b -> shallow.toBuilder()));

        int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            Table t = synthetic(n, 20, 7);
            int runs = n > 100_000 ? 5 : 9;
            System.out.println("== synthetic " + n + " rows x 20 numeric features");
            time("TrainingData (sort, encode)", n, runs, () -> TrainingData.forClassification(t, "label", FEATURES));
            ClassifierModel m = time("classifier fit", n, runs, () -> new XClassifier().fit(t, "label", FEATURES));
            time("classifier predictScore", n, runs, () -> m.predictScore(t));
            time("classifier predictProba", n, runs, () -> m.predictProba(t));
            time("classifier refit, all features", n, runs, () -> m.refit(b -> shallow.toBuilder()));
            RegressorModel r = time("regressor fit", n, runs, () -> new XRegressor().fit(t, "amount", FEATURES));
            time("regressor refit, all features", n, runs, () -> r.refit(b -> shallow.toBuilder()));
            System.out.printf("   (leaves: classifier %d, regressor %d)%n", m.leafCount(), r.leafCount());
        }
    }

    private static final List<String> FEATURES = new ArrayList<>();

    /** The feature names of the last {@link #synthetic} table. */
    static List<String> featureNames() {
        return List.copyOf(FEATURES);
    }

    /** n rows: x0..x9 continuous (double), k0..k9 integers in [0, 1000); a binary label and a numeric amount. */
    public static Table synthetic(int n, int features, long seed) {
        Random r = new Random(seed);
        FEATURES.clear();
        Table t = Table.create("synthetic");
        double[] signal = new double[n];
        for (int f = 0; f < features; f++) {
            double w = (f % 5 + 1) * (f % 2 == 0 ? 0.3 : -0.2);
            if (f < features / 2) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = r.nextGaussian();
                    signal[i] += w * v[i] * v[i];
                }
                t.addColumns(DoubleColumn.create("x" + f, v));
                FEATURES.add("x" + f);
            } else {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = r.nextInt(1000);
                    signal[i] += w * Math.sin(v[i] / 150.0);
                }
                t.addColumns(IntColumn.create("k" + f, v));
                FEATURES.add("k" + f);
            }
        }
        String[] labels = new String[n];
        double[] amount = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = signal[i] + r.nextGaussian() > 1 ? "yes" : "no";
            amount[i] = 50 + 10 * signal[i] + 5 * r.nextGaussian();
        }
        t.addColumns(StringColumn.create("label", labels), DoubleColumn.create("amount", amount));
        return t;
    }

    /** Runs the task (first run = warm-up, not counted) and prints the median and rows/s. */
    static <T> T time(String what, int rows, int runs, Supplier<T> task) {
        T result = task.get();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = task.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[runs / 2];
        System.out.printf("%-36s %9.1f ms  %,14.0f rows/s   (min %.1f, max %.1f)%n", what, median,
                rows / (median / 1000), ms[0], ms[runs - 1]);
        return result;
    }
}
