package partita.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import partita.Tabular;
import partita.model.Kind;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.SegmentNames;
import partita.partition.segment.Segmentation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What {@code %partition} shows before training: {@code __dataset__} and every segment of a
 * table with its rows, share, target mean and spread, and whether it is large enough for a model
 * of its own. For a classifier the target mean is the rate of the positive label.
 */
public final class SegmentAnalysis implements Tabular {

    /**
     * One segment.
     *
     * @param missingTarget rows whose target is missing (left out of training)
     * @param wouldTrain    true when its rows with a target reach its level's min_size ({@code __dataset__} always)
     */
    public record Row(String segment, int level, int rows, double share, int missingTarget, double targetMean,
                      double targetStd, boolean wouldTrain) {

        /** would-train or too-small, as the table shows it. */
        public String status() {
            return wouldTrain ? "would-train" : "too-small";
        }
    }

    private final String title;
    private final List<Row> rows;

    private SegmentAnalysis(String title, List<Row> rows) {
        this.title = title;
        this.rows = List.copyOf(rows);
    }

    static SegmentAnalysis of(PartitionSpec spec, Table data, String target, Kind kind) {
        List<Object> labels = kind == Kind.CLASSIFIER ? Target.labels(data, target) : null;
        double[] y = Target.read(data, target, labels);
        Map<SegmentKey, int[]> groups = Segmentation.of(spec, data).groups(null);
        List<Row> out = new ArrayList<>();
        groups.forEach((key, r) -> {
            Moments m = Moments.of(y, r);
            boolean big = key.isDataset() || m.n() >= spec.levels().get(key.depth() - 1).minSize();
            out.add(new Row(key.name(), key.depth(), r.length, (double) r.length / data.rowCount(), r.length - m.n(),
                    m.mean(), m.std(), big));
        });
        String title = "Segments" + (data.name() == null ? "" : " of " + data.name()) + " by " + spec
                + " (target " + target
                + (labels == null ? "" : ", mean = rate of " + labels.get(1)) + ")";
        return new SegmentAnalysis(title, out);
    }

    /** {@code __dataset__} first, then the segments depth-first in level order. */
    public List<Row> rows() {
        return rows;
    }

    /** The row of a segment by name; unknown names get close matches. */
    public Row row(String segment) {
        return SegmentNames.find(segment, rows, Row::segment);
    }

    /** Columns segment, level, rows, share, missing_target, target_mean, target_std, status. */
    @Override
    public Table table() {
        StringColumn segment = StringColumn.create("segment");
        IntColumn level = IntColumn.create("level");
        IntColumn n = IntColumn.create("rows");
        DoubleColumn share = DoubleColumn.create("share");
        IntColumn missing = IntColumn.create("missing_target");
        DoubleColumn mean = DoubleColumn.create("target_mean");
        DoubleColumn std = DoubleColumn.create("target_std");
        StringColumn status = StringColumn.create("status");
        for (Row r : rows) {
            segment.append(r.segment());
            level.append(r.level());
            n.append(r.rows());
            share.append(r.share());
            missing.append(r.missingTarget());
            mean.append(r.targetMean());
            std.append(r.targetStd());
            status.append(r.status());
        }
        return Table.create(title, segment, level, n, share, missing, mean, std, status);
    }

    @Override
    public String toString() {
        return title + ": " + rows.size() + " rows, " + rows.stream().filter(Row::wouldTrain).count() + " would train";
    }
}
