package partita.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import partita.PartitaException;
import partita.model.Kind;
import partita.partition.segment.Level;
import partita.partition.segment.PartitionSpec;
import tech.tablesaw.api.Table;

/**
 * A table, its target and how to split it: what {@code %partition} declares and {@code %train}
 * trains from. Holds the table by reference (no copy).
 *
 * @param data   the training table
 * @param target the target column
 * @param kind   classifier or regressor ({@link #of} infers it from the target)
 * @param spec   the segments
 */
public record Partition(Table data, String target, Kind kind, PartitionSpec spec) {

    public Partition {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(spec, "spec");
        Target.column(data, target);
        if (spec.columns().contains(target)) {
            throw new PartitaException("The target '" + target + "' is also a partition column: within a segment it would"
                    + " be constant, so there would be nothing to learn. Partition by other columns.");
        }
    }

    /**
     * What the user should know before training, one sentence each: mapping values that match
     * nothing, partition columns with nearly one value per row, id-like columns left out of the
     * default features.
     */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        for (Level l : spec.levels()) {
            out.addAll(l.notes(data));
        }
        String features = featureNote();
        if (!features.isEmpty()) {
            out.add(features);
        }
        return out;
    }

    /** The note on id-like columns left out of the default features, or "" when none are. */
    public String featureNote() {
        return DefaultFeatures.of(data, target, spec.columns()).note();
    }

    /** The features %train uses when none are named: see {@link DefaultFeatures}. */
    public List<String> defaultFeatures() {
        return DefaultFeatures.of(data, target, spec.columns()).features();
    }

    /** Columns that can be features: every column but the target and the partition columns. */
    public List<String> featureCandidates() {
        List<String> out = new ArrayList<>(data.columnNames());
        out.remove(target);
        out.removeAll(spec.columns());
        return out;
    }

    /** A partition whose kind follows the target ({@link Kind#infer}). */
    public static Partition of(Table data, String target, PartitionSpec spec) {
        return new Partition(data, target, Kind.infer(data, target), spec);
    }

    /** The segments of the table before training: rows, share, target mean and spread, and which would train. */
    public SegmentAnalysis analysis() {
        return SegmentAnalysis.of(spec, data, target, kind);
    }

    /** The classifier's labels [negative, positive] (target_mean is the positive share); empty for a regressor. */
    public List<Object> labels() {
        return kind == Kind.CLASSIFIER ? Target.labels(data, target) : List.of();
    }
}
