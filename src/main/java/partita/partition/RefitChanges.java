package partita.partition;

import java.util.List;
import partita.Tabular;
import partita.eval.Metric;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What a refit changed: one row per segment whose model differs from before. */
public final class RefitChanges implements Tabular {

    /**
     * One refitted segment.
     *
     * @param paramsBefore the changed parameters as they were ({@code name=value, ...})
     * @param paramsAfter  the same parameters now
     * @param metricBefore the headline metric on its training rows before (NaN when unknown)
     */
    public record Row(String segment, String paramsBefore, String paramsAfter, int leavesBefore, int leavesAfter,
                      double metricBefore, double metricAfter) {
    }

    private final Metric metric;
    private final List<Row> rows;

    RefitChanges(Metric metric, List<Row> rows) {
        this.metric = metric;
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Columns segment, params_before, params_after, leaves_before, leaves_after and the training
     * metric before and after ({@code train_auc_before}, ...).
     */
    @Override
    public Table table() {
        StringColumn segment = StringColumn.create("segment");
        StringColumn pb = StringColumn.create("params_before");
        StringColumn pa = StringColumn.create("params_after");
        IntColumn lb = IntColumn.create("leaves_before");
        IntColumn la = IntColumn.create("leaves_after");
        DoubleColumn mb = DoubleColumn.create("train_" + metric.label() + "_before");
        DoubleColumn ma = DoubleColumn.create("train_" + metric.label() + "_after");
        for (Row r : rows) {
            segment.append(r.segment());
            pb.append(r.paramsBefore());
            pa.append(r.paramsAfter());
            lb.append(r.leavesBefore());
            la.append(r.leavesAfter());
            mb.append(r.metricBefore());
            ma.append(r.metricAfter());
        }
        return Table.create("Refit changes", segment, pb, pa, lb, la, mb, ma);
    }

    @Override
    public String toString() {
        return rows.size() + " segment(s) refitted";
    }
}
