package partita.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import partita.PartitaException;
import partita.model.ClassifierModel;
import partita.model.TestData;
import partita.model.XClassifier;
import partita.model.XRegressor;
import partita.partition.PartitionedTrainer;
import partita.partition.segment.PartitionSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Nothing a user saved is lost, and nothing untrustworthy is loaded. */
class ModelFileSafetyTest {

    private final Table mixed = TestData.mixed(1200, 8);

    @TempDir
    Path dir;

    private ObjectNode json(Path file) throws IOException {
        return (ObjectNode) ModelJson.MAPPER.readTree(file.toFile());
    }

    private void write(Path file, JsonNode doc) throws IOException {
        Files.write(file, ModelJson.MAPPER.writeValueAsBytes(doc));
    }

    private String refused(Path file) {
        return assertThrows(PartitaException.class, () -> ModelFiles.load(file, Object.class)).getMessage();
    }

    @Test
    void aNaNLeafScoreIsRefusedWithItsPath() throws IOException {
        Path file = dir.resolve("c.json");
        ModelFiles.save(new XClassifier().fit(mixed, "label", TestData.MIXED_FEATURES), file);
        ObjectNode doc = json(file);
        ((ObjectNode) doc.at("/model/features/1/leaves/0")).put("score", "NaN");
        write(file, doc);
        String m = refused(file);
        assertTrue(m.contains("features[1] ('income').leaves[0].score is NaN"), m);
    }

    @Test
    void partitionedFilesAreCheckedSegmentBySegment() throws IOException {
        Path file = dir.resolve("p.json");
        ModelFiles.save(PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("level")).fit(mixed, "label"), file);
        ObjectNode doc = json(file);
        ((ObjectNode) doc.at("/model/segments/1")).putNull("model");
        write(file, doc);
        String m = refused(file);
        assertTrue(m.contains("at segments[1] (0)") && m.contains("trained but its model is null"), m);

        Path other = dir.resolve("r.json");
        ModelFiles.save(new XRegressor().fit(mixed, "amount", TestData.MIXED_FEATURES), other);
        ModelFiles.save(PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("level")).fit(mixed, "label"), file);
        doc = json(file);
        ((ObjectNode) doc.at("/model/segments/2")).set("model", json(other).get("model"));
        write(file, doc);
        m = refused(file);
        assertTrue(m.contains("at segments[2] (1)") && m.contains("its model is a regressor in a partitioned classifier"), m);

        ModelFiles.save(PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("level")).fit(mixed, "label"), file);
        doc = json(file);
        ((ObjectNode) doc.at("/model/segments/3/model/features/0/leaves/1")).put("score", "NaN");
        write(file, doc);
        m = refused(file);
        assertTrue(m.contains("at segments[3] (2)") && m.contains("leaves[1].score is NaN"), m);
    }

    @Test
    void formatVersionsMustBeWholeAndKnown() throws IOException {
        Path file = dir.resolve("c.json");
        ModelFiles.save(new XClassifier().fit(mixed, "label", TestData.MIXED_FEATURES), file);
        ObjectNode doc = json(file);
        doc.put("version", 1.5);
        write(file, doc);
        assertTrue(refused(file).contains("format version is 1.5, not a whole number"));
        doc.put("version", 2);
        write(file, doc);
        assertTrue(refused(file).contains("written by a newer Partita"));
    }

    @Test
    void savingKeepsTheOldFilesModeOrTheUmaskDefault() throws IOException {
        Path file = dir.resolve("m.json");
        ClassifierModel m = new XClassifier().fit(mixed, "label", TestData.MIXED_FEATURES);
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> umaskDefault = Files.getPosixFilePermissions(probe);
        ModelFiles.save(m, file);
        assertEquals(umaskDefault, Files.getPosixFilePermissions(file), "a new file gets the umask's default, not 0600");
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw-rw-rw-"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            ModelFiles.save(m, file);
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temp file is left behind");
        }
    }

    @Test
    void aFileIsOnlyReplacedByOneThatReadsBackAsTheSameModel() throws IOException {
        Path file = dir.resolve("m.json");
        ClassifierModel good = new XClassifier().fit(mixed, "label", TestData.MIXED_FEATURES);
        ModelFiles.save(good, file);
        byte[] before = Files.readAllBytes(file);
        // a category holding half of a surrogate pair cannot survive UTF-8 JSON as it is
        Table odd = mixed.copy();
        StringColumn city = odd.stringColumn("city");
        for (int i = 0; i < odd.rowCount(); i += 3) {
            city.set(i, "Lima\uD83D");
        }
        ClassifierModel strange = new XClassifier().fit(odd, "label", TestData.MIXED_FEATURES);
        try {
            ModelFiles.save(strange, file);
            assertArrayEquals(strange.predictScore(odd), ((ClassifierModel) ModelFiles.load(file, Object.class)).predictScore(odd),
                    "saved: then it reads back as the same model");
        } catch (PartitaException e) {
            assertTrue(e.getMessage().contains("is unchanged"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file), "refused: the old file is intact");
        }
    }

    @Test
    void modelFilesKeepAtMost256CandidateSplitsAndStillRefit() throws IOException {
        Table adult = TestData.adult();
        ClassifierModel m = new XClassifier().fit(adult, "income");
        Path file = dir.resolve("adult.json");
        ModelFiles.save(m, file);
        ObjectNode doc = json(file);
        JsonNode fnlwgt = doc.at("/model/features/2");
        assertEquals("fnlwgt", fnlwgt.get("name").asText());
        assertTrue(fnlwgt.at("/stats/thinned_from").asInt() > 5000, fnlwgt.get("stats").get("thinned_from").toString());
        assertTrue(fnlwgt.at("/stats/splits").size() <= 256 + m.profile("fnlwgt").leaves().size());
        assertTrue(doc.at("/model/refit_without_data").asText().startsWith("exact with the same parameters; other"
                + " parameters re-grow fnlwgt"), doc.at("/model/refit_without_data").asText());
        ClassifierModel back = (ClassifierModel) ModelFiles.load(file, Object.class);
        assertArrayEquals(m.predictScore(adult), back.predictScore(adult));
        assertEquals(java.util.List.of("fnlwgt"), back.thinnedFeatures());
        // the same parameters re-grow the same leaves from the kept candidates
        assertEquals(ModelJson.toJson(m), ModelJson.toJson(back.refit(b -> back.params().toBuilder())));
        // with the rows attached every candidate is back, and a refit is exactly the in-memory one
        ClassifierModel attached = back.withTrainingData(adult);
        assertEquals(java.util.List.of(), attached.thinnedFeatures());
        partita.model.Params deeper = back.params().toBuilder().maxDepth(10).minLeafSize(0.00001).build();
        assertArrayEquals(m.refit(b -> deeper.toBuilder()).predictScore(adult), attached.refit(b -> deeper.toBuilder()).predictScore(adult));
        // and the refit model saves and reads back again
        ModelFiles.save(back.refit(b -> deeper.toBuilder()), file);
        assertArrayEquals(back.refit(b -> deeper.toBuilder()).predictScore(adult), ((ClassifierModel) ModelFiles.load(file, Object.class)).predictScore(adult));
    }
}
