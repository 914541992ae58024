package partita.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import partita.model.ValueCounts;
import partita.partition.Moments;

/**
 * What training on Spark aggregates per segment: rows with a target, rows without, the target's
 * sum and moments, and each feature's {@link ValueCounts} over the rows with a target (null
 * while there are none). Merges by adding.
 */
record SegmentCounts(int rows, int missingTarget, double targetSum, Moments moments, List<ValueCounts> features)
        implements Serializable {

    SegmentCounts merge(SegmentCounts other) {
        List<ValueCounts> merged;
        if (features == null || other.features == null) {
            merged = features == null ? other.features : features;
        } else {
            merged = new ArrayList<>(features.size());
            for (int j = 0; j < features.size(); j++) {
                merged.add(features.get(j).merge(other.features.get(j)));
            }
        }
        return new SegmentCounts(rows + other.rows, missingTarget + other.missingTarget, targetSum + other.targetSum,
                moments.merge(other.moments), merged);
    }
}
