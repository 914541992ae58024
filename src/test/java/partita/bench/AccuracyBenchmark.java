package partita.bench;

import partita.eval.Metric;
import partita.eval.Metrics;
import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.RegressorModel;
import partita.model.TestData;
import partita.model.XClassifier;
import partita.model.XRegressor;
import partita.partition.Comparison;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.segment.PartitionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import tech.tablesaw.api.Table;

/**
 * Accuracy and speed of the optimise step (docs/algorithm.md section 11) against the reference
 * method: adult (test = rows whose index % 5 == 0) single and partitioned by relationship, cars
 * mpg (same split), and the 1M-row synthetic table (test = the last 20%). Fit times are the
 * median of warm runs (first run a warm-up). Run from the repository root:
 * <pre>
 * mvn -B -q -ntp -pl src test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx6g -cp %classpath partita.bench.AccuracyBenchmark"
 * </pre>
 * (add {@code 0} after the class name to skip the 1M-row table).
 */
public final class AccuracyBenchmark {

    private static final Params OPTIMISED = Params.builder().optimise(true).build();

    private AccuracyBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "%d processors, java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        Table[] adult = split(TestData.adult());
        double[] y = labels(adult[1]);
        System.out.println("== adult, test = row % 5 == 0 (" + adult[0].rowCount() + " train, " + adult[1].rowCount() + " test)");
        ClassifierModel ref = new XClassifier().fit(adult[0], "income");
        ClassifierModel opt = EngineBenchmark.time("optimised classifier fit", adult[0].rowCount(), 15, () -> new XClassifier(OPTIMISED).fit(adult[0], "income"));
        EngineBenchmark.time("reference classifier fit", adult[0].rowCount(), 15, () -> new XClassifier().fit(adult[0], "income"));
        EngineBenchmark.time("optimised predictProba", adult[1].rowCount(), 15, () -> opt.predictProba(adult[1]));
        report("reference single", y, ref.predictProba(adult[1]), "");
        report("optimised single", y, opt.predictProba(adult[1]), "penalty " + opt.penalty());
        for (Params p : List.of(Params.defaults(), OPTIMISED)) {
            PartitionedTrainer<ClassifierModel> partitioner = PartitionedTrainer.of(new XClassifier(p), PartitionSpec.by("relationship"));
            PartitionedModel<ClassifierModel> m = partitioner.fit(adult[0], "income");
            Comparison.Row all = m.compare(adult[1]).rows().get(0);
            String name = (p.optimise() ? "optimised" : "reference") + " by relationship";
            System.out.printf(Locale.ROOT, "%-34s AUC %.4f  log loss %.4f  (its __dataset__ alone: AUC %.4f)%n", name,
                    all.partitioned().get(Metric.AUC), all.partitioned().get(Metric.LOG_LOSS), all.single().get(Metric.AUC));
            EngineBenchmark.time(name + " fit, 2 threads", adult[0].rowCount(), 7, () -> partitioner.threads(2).fit(adult[0], "income"));
        }

        Table[] cars = split(carsNumeric());
        double[] mpg = cars[1].doubleColumn("Miles_per_Gallon").asDoubleArray();
        System.out.println("== cars mpg, six numeric features, test = row % 5 == 0 (" + cars[0].rowCount() + " train)");
        for (Params p : List.of(Params.defaults(), Params.builder().maxDepth(3).build(), OPTIMISED,
                OPTIMISED.toBuilder().maxDepth(3).build())) {
            RegressorModel r = new XRegressor(p).fit(cars[0], "Miles_per_Gallon");
            System.out.printf(Locale.ROOT, "%-34s R² %.4f%s%n", (p.optimise() ? "optimised" : "reference") + " max_depth="
                    + p.maxDepth(), Metrics.r2(mpg, r.predict(cars[1])), p.optimise() ? "  penalty " + r.penalty() : "");
        }

        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        if (n > 0) {
            Table t = EngineBenchmark.synthetic(n, 20, 7);
            List<String> features = new ArrayList<>(EngineBenchmark.featureNames());
            int cut = n * 4 / 5;
            Table train = t.inRange(0, cut);
            Table test = t.inRange(cut, n);
            System.out.println("== synthetic " + n + " rows x 20 numeric features (train " + cut + ", test the rest)");
            double[] yl = test.stringColumn("label").asList().stream().mapToDouble(v -> v.equals("yes") ? 1 : 0).toArray();
            double[] ya = test.doubleColumn("amount").asDoubleArray();
            ClassifierModel rc = new XClassifier().fit(train, "label", features);
            ClassifierModel oc = EngineBenchmark.time("optimised classifier fit", cut, 3, () -> new XClassifier(OPTIMISED).fit(train, "label", features));
            report("reference classifier", yl, rc.predictProba(test), rc.leafCount() + " leaves");
            report("optimised classifier", yl, oc.predictProba(test), "penalty " + oc.penalty());
            RegressorModel rr = new XRegressor().fit(train, "amount", features);
            RegressorModel or = EngineBenchmark.time("optimised regressor fit", cut, 3, () -> new XRegressor(OPTIMISED).fit(train, "amount", features));
            System.out.printf(Locale.ROOT, "%-34s R² %.4f%n", "reference regressor", Metrics.r2(ya, rr.predict(test)));
            System.out.printf(Locale.ROOT, "%-34s R² %.4f  penalty %s%n", "optimised regressor", Metrics.r2(ya, or.predict(test)),
                    or.penalty());
            EngineBenchmark.time("optimised predictProba (test rows)", n - cut, 5, () -> oc.predictProba(test));
        }
    }

    private static Table[] split(Table t) {
        return new Table[] {t.rows(IntStream.range(0, t.rowCount()).filter(i -> i % 5 != 0).toArray()),
            t.rows(IntStream.range(0, t.rowCount()).filter(i -> i % 5 == 0).toArray())};
    }

    private static double[] labels(Table t) {
        return t.stringColumn("income").asList().stream().mapToDouble(v -> v.equals(">50K") ? 1 : 0).toArray();
    }

    private static void report(String what, double[] y, double[] p, String note) {
        System.out.printf(Locale.ROOT, "%-34s AUC %.4f  log loss %.4f  %s%n", what, Metrics.auc(y, p), Metrics.logLoss(y, p), note);
    }

    /** cars as in the regressor parity fixture: six numeric features, Year as its year, rows without mpg dropped. */
    private static Table carsNumeric() {
        return TestData.cars();
    }
}
