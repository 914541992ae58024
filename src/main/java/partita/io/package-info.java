/**
 * Model files: {@link partita.io.ModelFiles} saves any fitted model, single or partitioned,
 * atomically (re-read and compared before it replaces the old file) and loads it back with every
 * value checked, as the type the caller asks for. {@link partita.io.ModelJson} is the JSON form
 * of a transparent model, {@code PartitionedJson} of a partitioned one. The top of the engine:
 * depends on {@code partita.model} and {@code partita.partition}, which know nothing of files.
 */
package partita.io;
