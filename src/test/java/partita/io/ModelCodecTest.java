package partita.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import partita.PartitaException;
import partita.model.ClassifierModel;
import partita.model.TestData;
import partita.model.XClassifier;
import tech.tablesaw.api.Table;

/** Model kinds outside the engine plug in through ModelCodec (found by ServiceLoader). */
class ModelCodecTest {

    /** A model made of two classifiers, standing in for partitioned models. */
    record Pair(ClassifierModel first, ClassifierModel second) {
    }

    /** Registered in src/test/resources/META-INF/services/partita.io.ModelCodec. */
    public static final class PairCodec implements ModelCodec {
        @Override
        public List<String> kinds() {
            return List.of("pair");
        }

        @Override
        public String kindOf(Object model) {
            return model instanceof Pair ? "pair" : null;
        }

        @Override
        public ObjectNode write(Object model) {
            Pair p = (Pair) model;
            ObjectNode o = ModelJson.MAPPER.createObjectNode();
            o.set("first", ModelJson.toJson(p.first()));
            o.set("second", ModelJson.toJson(p.second()));
            return o;
        }

        @Override
        public Object read(String kind, JsonNode body) {
            return new Pair((ClassifierModel) ModelJson.fromJson(ModelJson.req(body, "first")),
                    (ClassifierModel) ModelJson.fromJson(ModelJson.req(body, "second")));
        }
    }

    @TempDir
    Path dir;

    @Test
    void customKindsRoundTrip() throws Exception {
        Table t = TestData.mixed(400, 9);
        Pair pair = new Pair(new XClassifier().fit(t, "label", List.of("age")),
                new XClassifier().fit(t, "label", List.of("city")));
        Path file = dir.resolve("pair.json");
        ModelFiles.save(pair, file);
        assertTrue(Files.readString(file).startsWith("{\"format\":\"partita-model\",\"version\":1,\"kind\":\"pair\""));
        Pair loaded = ModelFiles.load(file, Pair.class);
        assertArrayEquals(pair.second().predictProba(t), loaded.second().predictProba(t));
        Files.writeString(file, Files.readString(file).replace("\"second\"", "\"other\""));
        PartitaException e = assertThrows(PartitaException.class, () -> ModelFiles.load(file));
        assertEquals("Cannot load " + file + ": The model JSON is damaged: the field 'second' is missing. Load an"
                + " intact model file or fit the model again.", e.getMessage());
    }
}
