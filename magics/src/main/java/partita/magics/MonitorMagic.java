package partita.magics;

import java.util.ArrayList;
import java.util.List;

import partita.eval.Metric;
import partita.magics.render.Highlight;
import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import partita.partition.MonitorReport;
import partita.partition.PartitionedModel;
import tech.tablesaw.api.Table;

/**
 * {@code %monitor}: per-segment metric and drift (PSI of the score distribution, training vs
 * new) on new labelled rows, alerts below a threshold, and segments never seen in training.
 * Binds the per-segment table.
 */
final class MonitorMagic extends PartitaMagic {

    MonitorMagic() {
        super(MagicSpec.builder("monitor",
                        "Monitors a partitioned model on new labelled rows: per-segment metric, alerts, drift (PSI), new segments.")
                .key(ModelArg.partitionedKey())
                .key(Key.table("data", "new labelled rows: a notebook variable holding a Table, or a CSV path").required())
                .key(Key.text("metric", "the monitored metric: auc, accuracy, log_loss (classifier) or mae, rmse, r2 (regressor); default auc or r2"))
                .key(Key.number("threshold", "alert when a segment's metric is worse than this").defaultValue("0.7"))
                .key(Key.integer("min_new", "report segments unseen in training with at least this many rows").defaultValue("30"))
                .key(Key.binding("monitoring"))
                .example("%monitor model=model data=newRows threshold=0.8 min_new=50")
                .build());
    }

    @Override
    protected Rendered run(MagicCall call) {
        Args args = call.args();
        PartitionedModel<?> model = ModelArg.partitioned(call);
        Table data = call.table("data");
        Metric metric = args.has("metric") ? model.kind().metric(args.text("metric")) : model.kind().headline();
        MonitorReport report = model.monitor(data, metric, args.number("threshold"), args.integer("min_new"));
        Table segments = report.table();
        String name = call.bind(report, MonitorReport.class);
        List<Rendered> parts = new ArrayList<>();
        parts.add(Views.paragraph(report.alerts().isEmpty() ? "No alerts."
                : report.alerts().size() + " alert(s):\n- " + String.join("\n- ", report.alerts())));
        parts.add(TableView.of(segments)
                .markRows(r -> report.rows().get(r).alert(), Highlight.ALERT)
                .maxRows(60).render());
        Table fresh = report.newSegments();
        if (fresh.rowCount() > 0) {
            parts.add(TableView.of(fresh).caption("Segments never seen in training").markRows(r -> true, Highlight.NEW).render());
        }
        parts.add(Views.bound(name, report));
        return Rendered.concat(parts.toArray(Rendered[]::new));
    }
}
