package partita.partition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import partita.PartitaException;
import partita.Tabular;
import partita.eval.Metric;
import partita.eval.Predictions;
import partita.model.Kind;
import partita.partition.segment.SegmentNames;
import partita.partition.segment.Segmentation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The partitioned model against its single {@code __dataset__} model on labelled rows: one row
 * {@code ALL} and one per serving model (the rows that model scores; the {@code __dataset__} row
 * gathers the fallback rows, where both models agree by construction).
 *
 * <p>Metrics are the kind's ({@link Kind#metrics()}), each on its {@link Metric} input: AUC and
 * log loss on calibrated probabilities, each model with its own calibration map (raw scores of
 * different segment models are not on one scale), accuracy on the predicted labels; regressor
 * metrics on clipped predictions. {@code improvement_<metric>} is signed so that positive means
 * the partitioned model is better. The verdict uses the headline metric ({@link Kind#headline()};
 * the loss where it is undefined, e.g. AUC on one class). Rows without a target are left out.
 */
public final class Comparison implements Tabular {

    /** One line of the comparison; metric maps are keyed by metric name. */
    public record Row(Kind kind, String segment, int rows, Map<Metric, Double> single,
                      Map<Metric, Double> partitioned) {

        /** The metric verdicts use: the kind's headline, or its loss where the headline is undefined. */
        public Metric headline() {
            Metric h = kind.headline();
            return Double.isNaN(single.get(h)) || Double.isNaN(partitioned.get(h)) ? kind.loss() : h;
        }

        /** Partitioned minus single, signed so that positive is better. */
        public double improvement(Metric metric) {
            return metric.gain(partitioned.get(metric), single.get(metric));
        }

        /** better, worse or same on the headline metric. */
        public String verdict() {
            double d = improvement(headline());
            return Double.isNaN(d) ? "n/a" : d > 1e-12 ? "better" : d < -1e-12 ? "worse" : "same";
        }
    }

    /** Name of the {@code ALL} row. */
    public static final String ALL = "ALL";

    private final Kind kind;
    private final List<Row> rows;

    private Comparison(Kind kind, List<Row> rows) {
        this.kind = kind;
        this.rows = List.copyOf(rows);
    }

    static Comparison of(PartitionedModel<?> model, Table test, int[] rows) {
        double[] y = model.truth(test);
        Segmentation.IntList labelled = new Segmentation.IntList();
        int n = rows == null ? test.rowCount() : rows.length;
        for (int j = 0; j < n; j++) {
            int r = rows == null ? j : rows[j];
            if (!Double.isNaN(y[r])) {
                labelled.add(r);
            }
        }
        int[] use = labelled.toArray();
        if (use.length == 0) {
            throw new PartitaException("The test table has no rows with a value in '" + model.target()
                    + "'. Compare on labelled rows.");
        }
        PartitionedModel.Routing routing = model.routing(test);
        Kind kind = model.kind();
        Predictions single = kind.predictions(model.datasetModel(), test, use, y);
        Predictions part = model.predictions(routing, test, y, use);
        List<Row> out = new ArrayList<>();
        out.add(row(kind, ALL, single, part));
        Map<Segment, int[]> groups = routing.positions(use);
        for (Segment s : model.segments()) {
            int[] pos = groups.get(s);
            if (pos != null) {
                out.add(row(kind, s.name(), single.subset(pos), part.subset(pos)));
            }
        }
        return new Comparison(kind, out);
    }

    private static Row row(Kind kind, String name, Predictions single, Predictions part) {
        Map<Metric, Double> sm = new LinkedHashMap<>();
        Map<Metric, Double> pm = new LinkedHashMap<>();
        for (Metric metric : kind.metrics()) {
            sm.put(metric, metric.of(single));
            pm.put(metric, metric.of(part));
        }
        return new Row(kind, name, single.rows(), sm, pm);
    }


    /**
     * Several partitioned models on the same rows, side by side: for each (in the given order)
     * its single {@code __dataset__} model and its partitioned model, with the {@code ALL} row's
     * metrics (e.g. reference against optimised). Columns: model, variant, rows, and the kind's
     * metrics.
     */
    public static Table sideBySide(Map<String, Comparison> byName) {
        if (byName.isEmpty()) {
            throw new PartitaException("Nothing to show side by side: give at least one comparison.");
        }
        Kind kind = byName.values().iterator().next().kind;
        StringColumn model = StringColumn.create("model");
        StringColumn variant = StringColumn.create("variant");
        IntColumn n = IntColumn.create("rows");
        Map<Metric, DoubleColumn> metrics = new LinkedHashMap<>();
        kind.metrics().forEach(m -> metrics.put(m, DoubleColumn.create(m.label())));
        byName.forEach((name, c) -> {
            if (c.kind != kind) {
                throw new PartitaException("'" + name + "' is a " + c.kind.label() + ", the others "
                        + kind.label() + "s: compare models of one kind side by side.");
            }
            Row all = c.rows.get(0);
            for (String v : List.of("single", "partitioned")) {
                model.append(name);
                variant.append(v);
                n.append(all.rows());
                Map<Metric, Double> values = v.equals("single") ? all.single() : all.partitioned();
                metrics.forEach((m, col) -> col.append(values.get(m)));
            }
        });
        Table t = Table.create("Models side by side (ALL rows)", model, variant, n);
        metrics.values().forEach(t::addColumns);
        return t;
    }

    public Kind kind() {
        return kind;
    }

    public List<Metric> metrics() {
        return kind.metrics();
    }

    /** {@code ALL} first, then one row per serving model in segment order. */
    public List<Row> rows() {
        return rows;
    }

    public Row overall() {
        return rows.get(0);
    }

    /** The row of a segment (or {@code ALL}). */
    public Row row(String segment) {
        return SegmentNames.find(segment, rows, Row::segment);
    }

    /**
     * Columns {@code segment}, {@code rows}, then per metric {@code single_<metric>},
     * {@code partitioned_<metric>}, {@code improvement_<metric>}, and {@code verdict}.
     */
    @Override
    public Table table() {
        StringColumn segment = StringColumn.create("segment");
        IntColumn n = IntColumn.create("rows");
        StringColumn verdict = StringColumn.create("verdict");
        List<Column<?>> cols = new ArrayList<>(List.of(segment, n));
        for (Metric m : metrics()) {
            cols.add(DoubleColumn.create("single_" + m));
            cols.add(DoubleColumn.create("partitioned_" + m));
            cols.add(DoubleColumn.create("improvement_" + m));
        }
        cols.add(verdict);
        Table t = Table.create("Partitioned vs single model", cols);
        for (Row r : rows) {
            segment.append(r.segment());
            n.append(r.rows());
            for (Metric m : metrics()) {
                t.doubleColumn("single_" + m).append(r.single().get(m));
                t.doubleColumn("partitioned_" + m).append(r.partitioned().get(m));
                t.doubleColumn("improvement_" + m).append(r.improvement(m));
            }
            verdict.append(r.verdict());
        }
        return t;
    }

    /** A plain statement: overall verdict with the improvement per metric, and where partitioning is worse. */
    public String statement() {
        Row all = overall();
        StringBuilder sb = new StringBuilder();
        String v = all.verdict();
        sb.append(v.equals("same") ? "Overall the partitioned model scores the same as the single model ("
                : "Overall the partitioned model is " + v + " than the single model (");
        sb.append(String.join(", ", metrics().stream().map(m -> describe(all, m)).toList())).append(") on ")
                .append(all.rows()).append(" rows.");
        List<String> worse = new ArrayList<>();
        for (Row r : rows.subList(1, rows.size())) {
            if (r.verdict().equals("worse")) {
                Metric h = r.headline();
                worse.add(r.segment() + " (" + describe(r, h) + ", " + r.rows() + " rows)");
            }
        }
        sb.append(worse.isEmpty() ? " No segment is worse than under the single model."
                : " Partitioning is worse on: " + String.join("; ", worse) + ".");
        return sb.toString();
    }

    /** e.g. {@code auc +0.0131}: the partitioned minus single value of a metric. */
    static String describe(Row r, Metric metric) {
        return String.format(Locale.ROOT, "%s %+.4f", metric, r.partitioned().get(metric) - r.single().get(metric));
    }

    @Override
    public String toString() {
        return statement();
    }
}
