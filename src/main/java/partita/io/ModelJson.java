package partita.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import partita.model.TransparentModel;

/** JSON form of a transparent model (reused inside partitioned model files). */
public final class ModelJson {

    /** The one shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelJson() {
    }

    public static ObjectNode toJson(TransparentModel model) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static TransparentModel fromJson(JsonNode json) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
