package partita.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import partita.PartitaException;
import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.RegressorModel;
import partita.model.TestData;
import partita.model.TransparentModel;
import partita.model.XClassifier;
import partita.model.XRegressor;
import tech.tablesaw.api.Table;

class ModelFilesTest {

    private static final List<String> FEATURES = TestData.MIXED_FEATURES;
    private final Table mixed = TestData.mixed(1500, 3);

    @TempDir
    Path dir;

    @Test
    void classifierRoundTripPredictsBitForBit() {
        ClassifierModel model = new XClassifier(Params.builder().weight(0.7).build()).fit(mixed, "member", FEATURES
                .stream().filter(f -> !f.equals("member")).toList());
        Path file = dir.resolve("c.json");
        ModelFiles.save(model, file);
        ClassifierModel loaded = ModelFiles.load(file, ClassifierModel.class);
        assertArrayEquals(model.predictScore(mixed), loaded.predictScore(mixed));
        assertArrayEquals(model.predictProba(mixed), loaded.predictProba(mixed));
        assertEquals(model.predict(mixed), loaded.predict(mixed));
        assertEquals(List.of(false, true), loaded.labels());
        assertEquals(model.profile(), loaded.profile());
        assertEquals(model.featureImportances(), loaded.featureImportances());
        assertEquals(model.featureParams(), loaded.featureParams());
        assertEquals(model.params(), loaded.params());
        assertEquals(ModelJson.toJson(model), ModelJson.toJson(loaded));
    }

    @Test
    void aFileWhoseMapOvershootsOneByRoundingStillLoads() throws IOException {
        // files written before the calibration map was clamped can hold 1 + 1 ulp
        ClassifierModel model = new XClassifier().fit(mixed, "member", FEATURES.stream().filter(f -> !f.equals("member"))
                .toList());
        Path file = dir.resolve("old.json");
        ModelFiles.save(model, file);
        String text = Files.readString(file);
        int at = text.indexOf("\"calibration_map\":[") + "\"calibration_map\":[".length();
        Files.writeString(file, text.substring(0, at) + "1.0000000000000002" + text.substring(text.indexOf(',', at)));
        ClassifierModel loaded = ModelFiles.load(file, ClassifierModel.class);
        assertEquals(1.0, loaded.calibrationMap()[0], 0.0);
        Files.writeString(file, text.substring(0, at) + "1.001" + text.substring(text.indexOf(',', at)));
        PartitaException damaged = assertThrows(PartitaException.class, () -> ModelFiles.load(file, ClassifierModel.class));
        assertTrue(damaged.getMessage().contains("calibration_map[0] is 1.001, not a probability"), damaged.getMessage());
    }

    @Test
    void regressorRoundTripKeepsRangeAndInfinities() throws IOException {
        RegressorModel model = new XRegressor().fit(mixed, "amount", FEATURES).withPredictionRange(9, Double.POSITIVE_INFINITY);
        Path file = dir.resolve("r.json");
        ModelFiles.save(model, file);
        RegressorModel loaded = (RegressorModel) ModelFiles.load(file, Object.class);
        assertArrayEquals(model.predict(mixed), loaded.predict(mixed));
        assertArrayEquals(new double[] {9, Double.POSITIVE_INFINITY}, loaded.predictionRange());
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\"format\":\"partita-model\",\"version\":1,\"kind\":\"regressor\""), text.substring(0, 80));
        assertTrue(text.contains("\"Infinity\"") && text.contains("\"NaN\""));
    }

    @Test
    void modelsTravelAsTheBytesOfTheirFile() throws IOException {
        RegressorModel model = new XRegressor().fit(mixed, "amount", FEATURES).withPredictionRange(9, 50);
        byte[] bytes = ModelFiles.toBytes(model);
        Path file = dir.resolve("same.json");
        ModelFiles.save(model, file);
        assertArrayEquals(Files.readAllBytes(file), bytes, "the bytes are the file's");
        RegressorModel back = ModelFiles.fromBytes(bytes, RegressorModel.class);
        assertArrayEquals(model.predict(mixed), back.predict(mixed));
        PartitaException wrong = assertThrows(PartitaException.class, () -> ModelFiles.fromBytes(bytes,
                ClassifierModel.class));
        assertTrue(wrong.getMessage().contains("holds a single regressor (RegressorModel), not a ClassifierModel"),
                wrong.getMessage());
        PartitaException junk = assertThrows(PartitaException.class, () -> ModelFiles.fromBytes(
                "{\"format\": \"partita-model\", \"version\": 1".getBytes(StandardCharsets.UTF_8), Object.class));
        assertTrue(junk.getMessage().contains("damaged or truncated"), junk.getMessage());
    }

    @Test
    void labelTypesSurvive() {
        Table t = mixed.copy();
        tech.tablesaw.api.IntColumn flag = tech.tablesaw.api.IntColumn.create("flag");
        t.stringColumn("label").forEach(v -> flag.append(v.equals("yes") ? 1 : 0));
        t.addColumns(flag);
        ClassifierModel model = new XClassifier().fit(t, "flag", FEATURES);
        Path file = dir.resolve("i.json");
        ModelFiles.save(model, file);
        assertEquals(List.of(0, 1), ModelFiles.load(file, ClassifierModel.class).labels());
    }

    @Test
    void damagedFilesAreRefusedClearly() throws IOException {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        Path file = dir.resolve("m.json");
        ModelFiles.save(model, file);
        byte[] bytes = Files.readAllBytes(file);

        Path truncated = dir.resolve("truncated.json");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertMessage(truncated, "damaged or truncated", "not valid JSON");

        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, new String(bytes, StandardCharsets.UTF_8).replace("\"version\":1", "\"version\":2"));
        assertMessage(newer, "format version 2", "reads version 1", "newer Partita");

        Path notModel = dir.resolve("other.json");
        Files.writeString(notModel, "{\"hello\": 1}");
        assertMessage(notModel, "not a Partita model file");

        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, new String(bytes, StandardCharsets.UTF_8).replace("\"leaves\"", "\"leafs\""));
        assertMessage(corrupt, "Cannot load", "the field 'leaves' is missing");

        Path reordered = dir.resolve("reordered.json");
        Files.writeString(reordered, new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"upper\":\"Infinity\"",
                "\"upper\":1.0"));
        assertMessage(reordered, "numeric feature 'age' has leaf bounds out of order");

        Path unknownKind = dir.resolve("kind.json");
        Files.writeString(unknownKind, new String(bytes, StandardCharsets.UTF_8).replace("\"kind\":\"classifier\"",
                "\"kind\":\"forest\""));
        assertMessage(unknownKind, "kind 'forest'", "classifier, regressor");

        assertMessage(dir.resolve("absent.json"), "There is no model file");
        assertThrows(PartitaException.class, () -> ModelFiles.load(file, RegressorModel.class));
    }

    @Test
    void failedSavesLeaveTheOldFileIntact() throws IOException {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        Path file = dir.resolve("keep.json");
        ModelFiles.save(model, file);
        byte[] before = Files.readAllBytes(file);
        assertThrows(PartitaException.class, () -> ModelFiles.save("not a model", file));
        assertArrayEquals(before, Files.readAllBytes(file));
        // a write that fails at the move (target is a non-empty directory) leaves no temp file behind
        Path occupied = dir.resolve("occupied");
        Files.createDirectories(occupied.resolve("inside"));
        PartitaException e = assertThrows(PartitaException.class, () -> ModelFiles.save(model, occupied));
        assertTrue(e.getMessage().contains("Could not write"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("keep.json", "occupied"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(model.predictScore(mixed), ModelFiles.load(file, TransparentModel.class).predictScore(mixed));
    }

    @Test
    void anInterruptedSaveWritesNothingAndKeepsTheOldFile() throws IOException {
        ClassifierModel model = new XClassifier().fit(mixed, "label", FEATURES);
        Path file = dir.resolve("interrupted.json");
        Files.writeString(file, "the old file");
        Thread.currentThread().interrupt();
        PartitaException e;
        try {
            e = assertThrows(PartitaException.class, () -> ModelFiles.save(model, file));
        } finally {
            Thread.interrupted();
        }
        assertTrue(e.getMessage().startsWith("Interrupted: ") && e.getMessage().contains("is unchanged"), e.getMessage());
        assertEquals("the old file", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("interrupted.json"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temp file left behind");
        }
    }

    private static void assertMessage(Path file, String... parts) {
        PartitaException e = assertThrows(PartitaException.class, () -> ModelFiles.load(file, Object.class));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }
}
