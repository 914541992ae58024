package partita.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import partita.PartitaException;
import partita.model.ModelData;
import partita.model.TransparentModel;
import partita.partition.PartitionedModel;

/**
 * Model files: one JSON document {@code {"format": "partita-model", "version": 1, "kind": ...,
 * "model": {...}}}, written atomically (a failed save leaves any previous file intact). Kinds:
 * "classifier", "regressor" ({@link ModelJson}), "partitioned-classifier" and
 * "partitioned-regressor" ({@link PartitionedJson}).
 */
public final class ModelFiles {

    public static final String FORMAT = "partita-model";
    public static final int VERSION = 1;

    private ModelFiles() {
    }

    /** Saves a fitted model (single or partitioned), replacing the file atomically. */
    public static void save(Object model, Path path) {
        ObjectNode doc = encode(model);
        stopIfInterrupted(path);
        byte[] bytes = serialise(doc);
        stopIfInterrupted(path);
        writeAtomically(path, bytes, written -> {
            try {
                // the file must decode, and to the same model: encoding what was read gives the same document
                Object back = decode(path, parse(path, written));
                if (!encode(back).equals(doc)) {
                    throw new PartitaException("what was read differs from the model (a value did not survive JSON)");
                }
            } catch (PartitaException e) {
                throw new PartitaException("The model was not saved: the file written for it could not be read back ("
                        + e.getMessage() + "). Any previous file at " + path + " is unchanged.", e);
            }
        });
    }

    /**
     * A model as the bytes of its file, to ship it to where the data is (a Spark broadcast, a
     * message); {@link #fromBytes} reads them back, checked as a file is.
     */
    public static byte[] toBytes(Object model) {
        return serialise(encode(model));
    }

    /** The model in bytes written by {@link #toBytes} (or read from a model file), as the given type. */
    public static <T> T fromBytes(byte[] bytes, Class<T> type) {
        Path where = Path.of("(model bytes)");
        return as(where, decode(where, parse(where, bytes)), type);
    }

    private static byte[] serialise(ObjectNode doc) {
        try {
            return ModelJson.MAPPER.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new PartitaException("Could not write the model as JSON: " + e.getOriginalMessage() + ".", e);
        }
    }

    /** The file document of a model. */
    private static ObjectNode encode(Object model) {
        ObjectNode doc = ModelJson.MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        if (model instanceof TransparentModel m) {
            doc.put("kind", m.snapshot().kind());
            doc.set("model", ModelJson.toJson(m));
        } else if (model instanceof PartitionedModel<?> m) {
            doc.put("kind", PartitionedJson.kindOf(m));
            doc.set("model", PartitionedJson.write(m));
        } else {
            throw new PartitaException("Cannot save a " + (model == null ? "null" : model.getClass().getName())
                    + ": only fitted models (classifier, regressor, partitioned) can be saved.");
        }
        return doc;
    }


    /** The model a checked document holds. */
    private static Object decode(Path path, JsonNode doc) {
        String kind = doc.path("kind").asText("");
        JsonNode body = doc.get("model");
        if (body == null || !body.isObject()) {
            throw damaged(path, "it has no model body");
        }
        try {
            if (kind.equals(ModelData.CLASSIFIER) || kind.equals(ModelData.REGRESSOR)) {
                return ModelJson.fromJson(body);
            }
            if (kind.equals(PartitionedJson.CLASSIFIER) || kind.equals(PartitionedJson.REGRESSOR)) {
                return PartitionedJson.read(kind, body);
            }
            List<String> known = List.of(ModelData.CLASSIFIER, ModelData.REGRESSOR, PartitionedJson.CLASSIFIER,
                    PartitionedJson.REGRESSOR);
            throw new PartitaException("The model file " + path + " holds a model of kind '" + kind + "', which this"
                    + " version of Partita cannot read (it reads " + String.join(", ", known) + ").");
        } catch (PartitaException e) {
            throw new PartitaException("Cannot load " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model saved by {@link #save} as the given type ({@code PartitionedModel.class},
     * {@code ClassifierModel.class}, {@code TransparentModel.class}, or {@code Object.class} for any);
     * refuses other formats, unknown versions, damaged files and models of another type.
     */
    public static <T> T load(Path path, Class<T> type) {
        return as(path, decode(path, read(path)), type);
    }

    private static <T> T as(Path path, Object model, Class<T> type) {
        if (!type.isInstance(model)) {
            String held = model instanceof PartitionedModel<?> p ? "a partitioned " + p.kind().label()
                    + " (PartitionedModel)" : "a single " + ((TransparentModel) model).kind().label() + " ("
                    + model.getClass().getSimpleName() + ")";
            Class<?> as = model instanceof PartitionedModel ? PartitionedModel.class : model.getClass();
            throw new PartitaException("The model file " + path + " holds " + held + ", not a " + type.getSimpleName()
                    + ". Load it with ModelFiles.load(path, " + as.getSimpleName() + ".class), or pick another file.");
        }
        return type.cast(model);
    }

    /**
     * Writes bytes to a temp file in the same directory, reads the temp file back (it must hold
     * exactly these bytes, and {@code check} must accept them), then moves it over the target
     * atomically. The file keeps an existing target's permissions, else gets the umask's default.
     * An interrupt before the move leaves the target untouched and no temp file behind.
     */
    private static void writeAtomically(Path path, byte[] bytes, java.util.function.Consumer<byte[]> check) {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = newTempFile(dir, target.getFileName().toString());
            if (Files.exists(target) && Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
            Files.write(tmp, bytes);
            stopIfInterrupted(target);
            byte[] back = Files.readAllBytes(tmp);
            if (!java.util.Arrays.equals(back, bytes)) {
                throw new IOException("the temp file " + tmp + " does not hold what was written (" + back.length
                        + " of " + bytes.length + " bytes)");
            }
            check.accept(back);
            stopIfInterrupted(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new PartitaException("Could not write " + target + ": " + e + ". Check that the directory is"
                    + " writable and the disk has space; any previous file there is unchanged.", e);
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

    /**
     * Checked between the steps of a save (encode, serialise, write, read back, move), so an
     * interrupt stops it within one step and before the move.
     */
    private static void stopIfInterrupted(Path target) {
        if (Thread.currentThread().isInterrupted()) {
            throw new PartitaException("Interrupted: " + target.toAbsolutePath() + " was not written; any previous file"
                    + " there is unchanged.");
        }
    }

    /** A new empty file created without explicit permissions, so it gets the umask's default (not 0600). */
    private static Path newTempFile(Path dir, String name) throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        while (true) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(random.nextLong() >>> 1) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken: draw another name
            }
        }
    }

    private static JsonNode read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new PartitaException("There is no model file " + path.toAbsolutePath() + ". Check the path.");
        } catch (IOException e) {
            throw new PartitaException("Could not read " + path + ": " + e + ".", e);
        }
        return parse(path, bytes);
    }

    /** The checked document in a model file's bytes: format header and a whole-number version. */
    private static JsonNode parse(Path path, byte[] bytes) {
        JsonNode doc;
        try {
            doc = ModelJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw damaged(path, "it is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (doc == null || !doc.isObject() || !FORMAT.equals(doc.path("format").asText())) {
            throw new PartitaException("The file " + path + " is not a Partita model file (no \"format\": \"" + FORMAT
                    + "\" header). Load a file written by ModelFiles.save or %save.");
        }
        JsonNode version = doc.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw damaged(path, "its format version " + (version == null ? "is missing" : "is " + version
                    + ", not a whole number"));
        }
        if (version.asInt() != VERSION) {
            throw new PartitaException("The model file " + path + " has format version " + version.asInt()
                    + ", but this Partita reads version " + VERSION + (version.asInt() > VERSION
                    ? ". It was written by a newer Partita: upgrade Partita to load it." : ". Re-save the model."));
        }
        return doc;
    }

    private static PartitaException damaged(Path path, String why) {
        return new PartitaException("The model file " + path + " is damaged or truncated: " + why + ". Load an"
                + " intact copy or save the model again.");
    }
}
