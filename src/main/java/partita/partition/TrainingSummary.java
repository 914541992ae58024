package partita.partition;

import java.util.List;
import partita.Tabular;
import partita.model.Kind;
import partita.model.Params;
import partita.partition.segment.PartitionSpec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What training made of every segment of a partitioned model ({@code %train} shows it): the
 * typed {@link Segment}s, and their table.
 */
public final class TrainingSummary implements Tabular {

    private final Kind kind;
    private final String target;
    private final PartitionSpec spec;
    private final List<Segment> segments;

    TrainingSummary(Kind kind, String target, PartitionSpec spec, List<Segment> segments) {
        this.kind = kind;
        this.target = target;
        this.spec = spec;
        this.segments = List.copyOf(segments);
    }

    /** Every segment, {@code __dataset__} first. */
    public List<Segment> segments() {
        return segments;
    }

    /** Segments with a model of their own, {@code __dataset__} included. */
    public long trained() {
        return segments.stream().filter(Segment::trained).count();
    }

    /**
     * Columns segment, level, rows, status, reason, max_depth, min_info_gain,
     * params (those differing from the defaults), features (count), leaves, fit_ms and the
     * training metric (the headline on its training rows: {@code train_auc}, or {@code train_r2}); when a segment is
     * optimised, also the penalty each optimised model was fitted with (after fit_ms).
     */
    @Override
    public Table table() {
        StringColumn segment = StringColumn.create("segment");
        IntColumn level = IntColumn.create("level");
        IntColumn rows = IntColumn.create("rows");
        StringColumn status = StringColumn.create("status");
        StringColumn reason = StringColumn.create("reason");
        IntColumn depth = IntColumn.create("max_depth");
        DoubleColumn gain = DoubleColumn.create("min_info_gain");
        StringColumn params = StringColumn.create("params");
        IntColumn feats = IntColumn.create("features");
        IntColumn leaves = IntColumn.create("leaves");
        LongColumn ms = LongColumn.create("fit_ms");
        DoubleColumn metric = DoubleColumn.create("train_" + kind.headline().label());
        DoubleColumn penalty = DoubleColumn.create("penalty");
        for (Segment s : segments) {
            if (s.trained() && s.model().optimised()) {
                penalty.append(s.model().penalty());
            } else {
                penalty.appendMissing();
            }
            segment.append(s.name());
            level.append(s.level());
            rows.append(s.rows());
            status.append(s.status().label());
            reason.append(s.reason());
            if (s.params() == null) {
                depth.appendMissing();
                gain.appendMissing();
                params.appendMissing();
            } else {
                depth.append(s.params().maxDepth());
                gain.append(s.params().minInfoGain());
                String changed = PartitionedModel.changedParams(Params.defaults(), s.params());
                params.append(changed.isEmpty() ? "defaults" : changed);
            }
            feats.append(s.features().size());
            leaves.append(s.leaves());
            ms.append(s.fitMillis());
            metric.append(s.trainingMetric());
        }
        Table out = Table.create("Training summary (" + kind.label() + " of " + target
                + " by " + spec + ")", segment, level, rows, status, reason, depth, gain, params, feats, leaves, ms,
                metric);
        if (penalty.countMissing() < penalty.size()) {
            out.insertColumn(out.columnIndex(ms) + 1, penalty);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Training summary: " + trained() + " of " + segments.size() + " segments have a model";
    }
}
