package partita.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import partita.PartitaException;

/**
 * Model files: a JSON document with the header {@code {"format": "partita-model", "version": 1,
 * "kind": ...}} and the model body, written atomically.
 */
public final class ModelFiles {

    public static final String FORMAT = "partita-model";
    public static final int VERSION = 1;

    private ModelFiles() {
    }

    /** Saves a model (transparent or any kind a {@link ModelCodec} handles), replacing the file atomically. */
    public static void save(Object model, Path path) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Loads a model saved by {@link #save}; refuses other formats, unknown versions and damaged files. */
    public static Object load(Path path) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes bytes to a temp file in the same directory, then moves it over the target atomically. */
    public static void writeAtomically(Path path, byte[] bytes) {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new PartitaException("Could not write " + target + ": " + e + ". Check that the directory exists"
                    + " and is writable and that the disk has space; any previous file there is unchanged.", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and harmless
                }
            }
        }
    }
}
