/**
 * What the segments are: a {@link partita.partition.segment.PartitionSpec} of
 * {@link partita.partition.segment.Level}s (a column, or a season, month, quarter, weekday or
 * weekend {@link partita.partition.segment.Derivation} of a date column), optional
 * {@link partita.partition.segment.ValueMapping}s of raw values into groups with a catch-all,
 * the typed {@link partita.partition.segment.SegmentKey} of a row's path, and the
 * {@link partita.partition.segment.Segmentation} that places a table's rows. Depends on
 * tablesaw, {@link partita.model.Columns}' missing-cell rule and {@link partita.PartitaException}
 * only: nothing here trains, scores or reads notebook text.
 */
package partita.partition.segment;
