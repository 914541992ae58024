/**
 * Model files: {@link partita.io.ModelFiles} saves any fitted model atomically (re-read and
 * compared before it replaces the old file) and loads it back with every value checked;
 * {@link partita.io.ModelJson} is the JSON form of a transparent model. Depends on
 * {@code partita.model}; partitioned models plug in through {@link partita.io.ModelCodec}.
 */
package partita.io;
