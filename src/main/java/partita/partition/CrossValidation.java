package partita.partition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import partita.Tabular;
import partita.eval.Metric;
import partita.model.Kind;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A k-fold cross-validated {@link Comparison}: per segment (and {@code ALL}) the mean and the
 * spread (sample standard deviation over folds) of each metric for the single and the
 * partitioned model and of the improvement (positive = partitioned better).
 *
 * <p>Verdict on the headline metric ({@link Kind#headline()}): {@code better} when the mean improvement
 * exceeds twice its standard error (std / sqrt(folds)), {@code worse} when it is below minus
 * twice that, else {@code within noise} (also when a segment appears in fewer than 2 folds).
 */
public final class CrossValidation implements Tabular {

    private final Kind kind;
    private final List<Comparison> folds;
    private final long seed;

    private CrossValidation(Kind kind, List<Comparison> folds, long seed) {
        this.kind = kind;
        this.folds = List.copyOf(folds);
        this.seed = seed;
    }

    static CrossValidation of(Kind kind, List<Comparison> folds, long seed) {
        return new CrossValidation(kind, folds, seed);
    }

    /** The comparison of each fold. */
    public List<Comparison> folds() {
        return folds;
    }

    public long seed() {
        return seed;
    }

    /** Summary of one segment over the folds where it had rows. */
    public record Summary(Kind kind, String segment, int folds, int rows, Map<Metric, double[]> single,
                          Map<Metric, double[]> partitioned, Map<Metric, double[]> improvement) {

        /** Mean of a metric's improvement over folds. */
        public double meanImprovement(Metric metric) {
            return mean(improvement.get(metric));
        }

        public double stdImprovement(Metric metric) {
            return std(improvement.get(metric));
        }

        /** better, worse or within noise on the headline metric (see the class comment). */
        public String verdict() {
            double[] d = improvement.get(kind.headline());
            if (d.length < 2) {
                return "within noise";
            }
            double m = mean(d);
            double se = std(d) / Math.sqrt(d.length);
            return m - 2 * se > 0 ? "better" : m + 2 * se < 0 ? "worse" : "within noise";
        }
    }

    /** Per segment summaries, {@code ALL} first, then in order of first appearance. */
    public List<Summary> summaries() {
        Map<String, List<Comparison.Row>> bySegment = new LinkedHashMap<>();
        for (Comparison c : folds) {
            for (Comparison.Row r : c.rows()) {
                bySegment.computeIfAbsent(r.segment(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Summary> out = new ArrayList<>();
        bySegment.forEach((segment, rows) -> {
            Map<Metric, double[]> single = new LinkedHashMap<>();
            Map<Metric, double[]> part = new LinkedHashMap<>();
            Map<Metric, double[]> impr = new LinkedHashMap<>();
            for (Metric m : kind.metrics()) {
                single.put(m, finite(rows.stream().mapToDouble(r -> r.single().get(m)).toArray()));
                part.put(m, finite(rows.stream().mapToDouble(r -> r.partitioned().get(m)).toArray()));
                impr.put(m, finite(rows.stream().mapToDouble(r -> r.improvement(m)).toArray()));
            }
            out.add(new Summary(kind, segment, rows.size(), rows.stream().mapToInt(Comparison.Row::rows).sum(), single, part,
                    impr));
        });
        return out;
    }

    /**
     * Columns {@code segment}, {@code folds}, {@code rows} (held-out rows over all folds), per
     * metric {@code single_<m>_mean}, {@code single_<m>_std}, {@code partitioned_<m>_mean},
     * {@code partitioned_<m>_std}, {@code improvement_<m>_mean}, {@code improvement_<m>_std},
     * and {@code verdict}.
     */
    @Override
    public Table table() {
        StringColumn segment = StringColumn.create("segment");
        IntColumn nf = IntColumn.create("folds");
        IntColumn rows = IntColumn.create("rows");
        StringColumn verdict = StringColumn.create("verdict");
        List<Column<?>> cols = new ArrayList<>(List.of(segment, nf, rows));
        for (Metric m : kind.metrics()) {
            for (String who : List.of("single_", "partitioned_", "improvement_")) {
                cols.add(DoubleColumn.create(who + m + "_mean"));
                cols.add(DoubleColumn.create(who + m + "_std"));
            }
        }
        cols.add(verdict);
        Table t = Table.create(folds.size() + "-fold cross-validated comparison (seed " + seed + ")", cols);
        for (Summary s : summaries()) {
            segment.append(s.segment());
            nf.append(s.folds());
            rows.append(s.rows());
            for (Metric m : kind.metrics()) {
                append(t, "single_" + m, s.single().get(m));
                append(t, "partitioned_" + m, s.partitioned().get(m));
                append(t, "improvement_" + m, s.improvement().get(m));
            }
            verdict.append(s.verdict());
        }
        return t;
    }

    private static void append(Table t, String prefix, double[] values) {
        t.doubleColumn(prefix + "_mean").append(mean(values));
        t.doubleColumn(prefix + "_std").append(std(values));
    }

    /** Plain statement: overall gain with its spread, and the segments where it is worse or within noise. */
    public String statement() {
        List<Summary> all = summaries();
        Summary overall = all.get(0);
        Metric h = kind.headline();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Over %d folds (seed %d) the partitioned model is %s overall: %s improvement %+.4f ± %.4f"
                        + " (mean ± std).",
                folds.size(), seed, overall.verdict().replace("within noise", "within noise of the single model"),
                h, overall.meanImprovement(h), overall.stdImprovement(h)));
        for (String v : List.of("worse", "within noise")) {
            List<String> names = all.subList(1, all.size()).stream().filter(s -> s.verdict().equals(v))
                    .map(s -> String.format(Locale.ROOT, "%s (%+.4f ± %.4f)", s.segment(), s.meanImprovement(h),
                            s.stdImprovement(h))).toList();
            if (!names.isEmpty()) {
                sb.append(v.equals("worse") ? " Worse on: " : " Gain within noise on: ")
                        .append(String.join("; ", names)).append('.');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return statement();
    }

    private static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    /** Mean of the values (NaN for none). */
    public static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : java.util.Arrays.stream(v).sum() / v.length;
    }

    /** Sample standard deviation (NaN with fewer than 2 values). */
    static double std(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
