package partita.partition;

import partita.model.Kind;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Builds the segment analysis table of {@link PartitionSpec#analyse}. */
final class SegmentAnalysis {

    static final String WOULD_TRAIN = "would-train";
    static final String TOO_SMALL = "too-small";

    private SegmentAnalysis() {
    }

    static Table of(PartitionSpec spec, Table data, String target, Kind kind) {
        List<Object> labels = kind == Kind.CLASSIFIER ? Target.labels(data, target) : null;
        double[] y = Target.read(data, target, labels);
        Map<SegmentKey, int[]> groups = Segmentation.of(spec, data).groups(null);
        StringColumn segment = StringColumn.create("segment");
        IntColumn level = IntColumn.create("level");
        IntColumn rows = IntColumn.create("rows");
        DoubleColumn share = DoubleColumn.create("share");
        IntColumn missing = IntColumn.create("missing_target");
        DoubleColumn mean = DoubleColumn.create("target_mean");
        DoubleColumn std = DoubleColumn.create("target_std");
        StringColumn status = StringColumn.create("status");
        groups.forEach((key, r) -> {
            Moments m = Moments.of(y, r);
            segment.append(key.name());
            level.append(key.depth());
            rows.append(r.length);
            share.append((double) r.length / data.rowCount());
            missing.append(r.length - m.n());
            mean.append(m.mean());
            std.append(m.std());
            boolean big = key.isDataset() || m.n() >= spec.levels().get(key.depth() - 1).minSize();
            status.append(big ? WOULD_TRAIN : TOO_SMALL);
        });
        String title = "Segments" + (data.name() == null ? "" : " of " + data.name()) + " by " + spec
                + " (target " + target
                + (labels == null ? "" : ", mean = rate of " + labels.get(1)) + ")";
        return Table.create(title, segment, level, rows, share, missing, mean, std, status);
    }
}
