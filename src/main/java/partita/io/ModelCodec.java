package partita.io;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes and reads the body of a kind of model file that the engine does not know itself
 * (partitioned models). Implementations are found with {@link java.util.ServiceLoader}: list
 * the class in {@code META-INF/services/partita.io.ModelCodec}.
 */
public interface ModelCodec {

    /** The file kinds this codec reads, e.g. "partitioned-classifier". */
    List<String> kinds();

    /** The kind to write this model as, or null if this codec does not handle it. */
    String kindOf(Object model);

    ObjectNode write(Object model);

    Object read(String kind, JsonNode body);
}
