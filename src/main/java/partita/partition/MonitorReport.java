package partita.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import partita.PartitaException;
import partita.Tabular;
import partita.eval.Metric;
import partita.eval.Predictions;
import partita.model.Kind;
import partita.partition.segment.SegmentKey;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A partitioned model checked on new data, per serving model: the metrics on the labelled rows
 * (from calibrated probabilities or clipped predictions, as in {@link Comparison}), the drift of
 * the score distribution against the model's training scores ({@link ScoreReference#psi}), and
 * alerts: metric below the threshold (above it for log_loss, mae, rmse) or PSI above
 * {@link ScoreReference#SIGNIFICANT}. Segments never seen in training (at the shallowest level
 * where a row's path is new) with at least {@code minNew} rows are reported as new. Without a
 * target column only drift and new segments are computed.
 */
public final class MonitorReport implements Tabular {

    /**
     * One serving model's rows of the new data.
     *
     * @param labelled rows with a target (the metrics' rows)
     * @param metrics  the kind's metrics on them (NaN where undefined)
     * @param drift    stable, moderate or significant ("" without a reference)
     */
    public record Row(String segment, int rows, int labelled, Map<Metric, Double> metrics, double psi, String drift,
                      boolean alert, String note) {
    }

    private final Metric metric;
    private final double threshold;
    private final List<Row> rows;
    private final Table segments;
    private final Table newSegments;
    private final List<String> alerts;

    private MonitorReport(Metric metric, double threshold, List<Row> rows, Table segments, Table newSegments,
                          List<String> alerts) {
        this.metric = metric;
        this.threshold = threshold;
        this.rows = List.copyOf(rows);
        this.segments = segments;
        this.newSegments = newSegments;
        this.alerts = List.copyOf(alerts);
    }

    static MonitorReport of(PartitionedModel<?> model, Table data, Metric metric, double threshold, int minNew) {
        if (minNew < 1) {
            throw new PartitaException("min_new=" + minNew + ": new segments are reported from 1 row up; give 1 or"
                    + " more.");
        }
        if (data.rowCount() == 0) {
            throw new PartitaException("The table to monitor (" + data.name() + ") has no rows: there is nothing to"
                    + " monitor. Pass the new rows to check, with their '" + model.target() + "' labels.");
        }
        Kind kind = model.kind();
        boolean labelled = data.containsColumn(model.target());
        double[] y = labelled ? model.truth(data) : null;
        PartitionedModel.Routing routing = model.routing(data);
        List<String> alerts = new ArrayList<>();

        StringColumn segment = StringColumn.create("segment");
        IntColumn rows = IntColumn.create("rows");
        IntColumn nLabelled = IntColumn.create("labelled");
        List<Column<?>> cols = new ArrayList<>(List.of(segment, rows, nLabelled));
        Map<Metric, DoubleColumn> metricCols = new LinkedHashMap<>();
        for (Metric m : kind.metrics()) {
            metricCols.put(m, DoubleColumn.create(m.label()));
        }
        cols.addAll(metricCols.values());
        DoubleColumn psi = DoubleColumn.create("psi");
        StringColumn drift = StringColumn.create("drift");
        BooleanColumn alert = BooleanColumn.create("alert");
        StringColumn note = StringColumn.create("note");
        cols.addAll(List.of(psi, drift, alert, note));

        List<Row> out = new ArrayList<>();
        Map<Segment, int[]> groups = routing.positions(null);
        for (Segment s : model.segments()) {
            int[] r = groups.get(s);
            if (r == null) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            int[] withY = y == null ? new int[0] : Arrays.stream(r).filter(i -> !Double.isNaN(y[i])).toArray();
            Predictions p = kind.predictions(s.model(), data, withY, y == null ? new double[0] : y);
            Map<Metric, Double> values = new LinkedHashMap<>();
            metricCols.forEach((m, c) -> {
                values.put(m, m.of(p));
                c.append(values.get(m));
            });
            double value = metric.of(p);
            boolean breach = metric.better(threshold, value);
            if (breach) {
                notes.add(String.format(Locale.ROOT, "%s %.4f %s %s", metric, value,
                        metric.higherIsBetter() ? "below" : "above", threshold));
            } else if (Double.isNaN(value)) {
                notes.add(metric + " undefined" + (y == null ? " (no target column)"
                        : withY.length == 0 ? " (no labelled rows)" : " (one class only)"));
            }
            double d = s.reference() == null ? Double.NaN : s.reference().psi(s.model().predictScore(data, r));
            if (s.reference() == null) {
                notes.add("no training score reference (refitted after load)");
            }
            String level = Double.isNaN(d) ? "" : d > ScoreReference.SIGNIFICANT ? "significant"
                    : d > ScoreReference.MODERATE ? "moderate" : "stable";
            if (level.equals("significant")) {
                notes.add(String.format(Locale.ROOT, "score drift psi %.3f", d));
            }
            boolean isAlert = breach || level.equals("significant");
            segment.append(s.name());
            rows.append(r.length);
            nLabelled.append(withY.length);
            psi.append(d);
            drift.append(level);
            alert.append(isAlert);
            note.append(String.join("; ", notes));
            out.add(new Row(s.name(), r.length, withY.length, values, d, level, isAlert, String.join("; ", notes)));
            if (isAlert) {
                alerts.add(s.name() + " (" + r.length + " rows): " + String.join("; ", notes.subList(0,
                        breach && level.equals("significant") ? 2 : 1)));
            }
        }

        Table fresh = newSegments(model, routing, minNew, alerts);
        Table table = Table.create("Monitoring (" + metric + " threshold " + threshold + ")", cols);
        return new MonitorReport(metric, threshold, out, table, fresh, alerts);
    }

    /** Paths new at some level (shallowest new prefix), with at least minNew rows. */
    private static Table newSegments(PartitionedModel<?> model, PartitionedModel.Routing routing, int minNew,
                                     List<String> alerts) {
        Map<SegmentKey, int[]> counts = new LinkedHashMap<>();
        Map<SegmentKey, Segment> scoredBy = new LinkedHashMap<>();
        for (int i = 0; i < routing.paths().length; i++) {
            SegmentKey path = routing.paths()[i];
            for (int d = 1; d <= path.depth(); d++) {
                SegmentKey prefix = path.prefix(d);
                if (model.segment(prefix) == null) {
                    counts.computeIfAbsent(prefix, k -> new int[1])[0]++;
                    scoredBy.put(prefix, routing.serving()[i]);
                    break;
                }
            }
        }
        StringColumn segment = StringColumn.create("segment");
        StringColumn level = StringColumn.create("level");
        IntColumn rows = IntColumn.create("rows");
        StringColumn by = StringColumn.create("scored_by");
        counts.entrySet().stream().filter(e -> e.getValue()[0] >= minNew)
                .sorted(Map.Entry.comparingByKey(model.spec().order()))
                .forEach(e -> {
                    SegmentKey k = e.getKey();
                    segment.append(k.name());
                    level.append(model.spec().levels().get(k.depth() - 1).name());
                    rows.append(e.getValue()[0]);
                    by.append(scoredBy.get(k).name());
                    alerts.add("new segment " + k.name() + " (" + e.getValue()[0] + " rows) unseen in training,"
                            + " scored by " + scoredBy.get(k).name());
                });
        return Table.create("Segments unseen in training (at least " + minNew + " rows)", segment, level, rows, by);
    }

    public Metric metric() {
        return metric;
    }

    public double threshold() {
        return threshold;
    }

    /** One row per serving model that scored some of the new rows, in segment order. */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Per serving model: segment, rows, labelled, the kind's metrics, psi, drift
     * (stable / moderate / significant), alert, note.
     */
    @Override
    public Table table() {
        return segments;
    }

    /** Segments unseen in training: segment, level, rows, scored_by. */
    public Table newSegments() {
        return newSegments;
    }

    /** One sentence per alert (metric breach, significant drift, new segment). */
    public List<String> alerts() {
        return alerts;
    }

    @Override
    public String toString() {
        return alerts.isEmpty() ? "No alerts." : String.join("\n", alerts);
    }
}
