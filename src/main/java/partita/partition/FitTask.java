package partita.partition;

import java.util.List;
import partita.model.Params;
import partita.partition.segment.SegmentKey;

/**
 * A planned fit: the segment, its rows and parameters and features, and notes for its summary.
 *
 * @param index the segment's place in the job's results
 */
record FitTask(int index, SegmentKey key, int[] rows, Params params, List<String> features, String note) {
}
