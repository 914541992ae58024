package partita.partition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import partita.PartitaException;
import partita.model.TransparentModel;
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
 * <p>Classifier metrics (auc, accuracy at 0.5, log_loss) come from calibrated probabilities,
 * each model with its own calibration map, for the single and the partitioned model alike:
 * raw scores of different segment models are not on one scale. Regressor metrics: mae, rmse,
 * r2 of clipped predictions. {@code improvement_<metric>} is signed so that positive means the
 * partitioned model is better (for log_loss, mae and rmse it is single minus partitioned).
 * The verdict uses auc (log_loss where auc is undefined) or rmse. Rows without a target are
 * left out.
 */
public final class Comparison {

    /** One line of the comparison; metric maps are keyed by metric name. */
    public record Row(String segment, int rows, Map<String, Double> single, Map<String, Double> partitioned) {

        /** The metric verdicts use: auc (log_loss where auc is undefined), or rmse for a regressor. */
        public String headline() {
            if (!single.containsKey("auc")) {
                return "rmse";
            }
            return Double.isNaN(single.get("auc")) || Double.isNaN(partitioned.get("auc")) ? "log_loss" : "auc";
        }

        /** Partitioned minus single, signed so that positive is better. */
        public double improvement(String metric) {
            double d = partitioned.get(metric) - single.get(metric);
            return Kind.higherIsBetter(metric) ? d : -d;
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

    static Comparison of(PartitionedModel model, Table test, int[] rows) {
        double[] y = Target.read(test, model.target(), model.labelsOrNull());
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
        TransparentModel single = model.datasetModel();
        double[] singleP = PartitionedModel.predictions(single, test, use);
        double[] partP = PartitionedModel.perRow(routing, use, (m, r) -> PartitionedModel.predictions(m, test, r));
        double[] truth = Trainer.pick(y, use);
        List<Row> out = new ArrayList<>();
        out.add(row(model.kind(), ALL, truth, singleP, partP, null));
        Map<Segment, int[]> groups = routing.positions(use);
        for (Segment s : model.segments()) {
            int[] pos = groups.get(s);
            if (pos != null) {
                out.add(row(model.kind(), s.name(), truth, singleP, partP, pos));
            }
        }
        return new Comparison(model.kind(), out);
    }

    private static Row row(Kind kind, String name, double[] y, double[] single, double[] part, int[] pos) {
        double[] yy = pos == null ? y : Trainer.pick(y, pos);
        double[] s = pos == null ? single : Trainer.pick(single, pos);
        double[] p = pos == null ? part : Trainer.pick(part, pos);
        Map<String, Double> sm = new LinkedHashMap<>();
        Map<String, Double> pm = new LinkedHashMap<>();
        for (String metric : kind.metrics()) {
            sm.put(metric, kind.metric(metric, yy, s));
            pm.put(metric, kind.metric(metric, yy, p));
        }
        return new Row(name, yy.length, sm, pm);
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
        Map<String, DoubleColumn> metrics = new LinkedHashMap<>();
        kind.metrics().forEach(m -> metrics.put(m, DoubleColumn.create(m)));
        byName.forEach((name, c) -> {
            if (c.kind != kind) {
                throw new PartitaException("'" + name + "' is a " + c.kind.name().toLowerCase(Locale.ROOT) + ", the others "
                        + kind.name().toLowerCase(Locale.ROOT) + "s: compare models of one kind side by side.");
            }
            Row all = c.rows.get(0);
            for (String v : List.of("single", "partitioned")) {
                model.append(name);
                variant.append(v);
                n.append(all.rows());
                Map<String, Double> values = v.equals("single") ? all.single() : all.partitioned();
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

    public List<String> metrics() {
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
        Map<String, Row> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.put(r.segment(), r));
        return SegmentNames.find(segment, byName);
    }

    /**
     * Columns {@code segment}, {@code rows}, then per metric {@code single_<metric>},
     * {@code partitioned_<metric>}, {@code improvement_<metric>}, and {@code verdict}.
     */
    public Table table() {
        StringColumn segment = StringColumn.create("segment");
        IntColumn n = IntColumn.create("rows");
        StringColumn verdict = StringColumn.create("verdict");
        List<Column<?>> cols = new ArrayList<>(List.of(segment, n));
        for (String m : metrics()) {
            cols.add(DoubleColumn.create("single_" + m));
            cols.add(DoubleColumn.create("partitioned_" + m));
            cols.add(DoubleColumn.create("improvement_" + m));
        }
        cols.add(verdict);
        Table t = Table.create("Partitioned vs single model", cols);
        for (Row r : rows) {
            segment.append(r.segment());
            n.append(r.rows());
            for (String m : metrics()) {
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
                String h = r.headline();
                worse.add(r.segment() + " (" + describe(r, h) + ", " + r.rows() + " rows)");
            }
        }
        sb.append(worse.isEmpty() ? " No segment is worse than under the single model."
                : " Partitioning is worse on: " + String.join("; ", worse) + ".");
        return sb.toString();
    }

    /** e.g. {@code auc +0.0131}: the partitioned minus single value of a metric. */
    static String describe(Row r, String metric) {
        return String.format(Locale.ROOT, "%s %+.4f", metric, r.partitioned().get(metric) - r.single().get(metric));
    }

    @Override
    public String toString() {
        return statement();
    }
}
