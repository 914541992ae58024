package partita.partition;

import java.util.Map;
import partita.partition.segment.SegmentKey;
import tech.tablesaw.api.Table;

/**
 * The training rows a model was fitted on, kept in memory (never saved) so that a refit can
 * recompute each refitted segment's training metric and score reference.
 *
 * @param table rows with a target
 * @param y     target per row (0/1 or numeric)
 * @param rows   training rows of every trained segment
 * @param served training rows each trained segment's model scores under routing (absent: none)
 */
record TrainingRows(Table table, double[] y, Map<SegmentKey, int[]> rows, Map<SegmentKey, int[]> served) {
}
