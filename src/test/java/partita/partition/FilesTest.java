package partita.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import partita.PartitaException;
import partita.eval.Metric;
import partita.io.ModelFiles;
import partita.model.ClassifierModel;
import partita.model.RegressorModel;
import partita.model.XClassifier;
import partita.model.XRegressor;
import partita.partition.segment.Derivation;
import partita.partition.segment.Level;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.ValueMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Partitioned model files: one JSON file, bit-for-bit predictions after loading, damaged files refused. */
class FilesTest {

    @TempDir
    Path dir;

    @Test
    void savedClassifierPredictsBitForBitAfterLoading() throws IOException {
        Table adult = Data.adult();
        ValueMapping regions = new ValueMapping(Map.of("North America", List.of("United-States", "Canada")), "Elsewhere");
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("native_country", "sex").minSizes(1000, 500)
                        .map("native_country", regions))
                .threads(2).override("North America > Male", b -> b.set("max_depth", "5")).fit(adult, "income");
        Path file = dir.resolve("adult.partita.json");
        ModelFiles.save(m, file);
        PartitionedModel<?> loaded = ModelFiles.load(file, PartitionedModel.class);
        @SuppressWarnings("unchecked")
        PartitionedModel<ClassifierModel> c = (PartitionedModel<ClassifierModel>) loaded;
        assertArrayEquals(m.predictScore(adult), c.predictScore(adult));
        assertArrayEquals(m.predictProba(adult), c.predictProba(adult));
        assertEquals(m.summary().table().toString(), c.summary().table().toString());
        assertEquals(m.spec(), c.spec());
        assertEquals(m.route(adult).toString(), c.route(adult).toString());
        assertEquals(m.importance().table().toString(), c.importance().table().toString());
        MonitorReport before = m.monitor(adult, 0.8, 10);
        MonitorReport after = c.monitor(adult, 0.8, 10);
        assertEquals(before.table().toString(), after.table().toString(), "the PSI reference is in the file");
        String json = Files.readString(file);
        assertTrue(json.contains("\"format\"") && json.contains("\"partitioned-classifier\""), json.substring(0, 200));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        // refit works on a loaded classifier; the score reference of a refitted segment is gone
        PartitionedModel<ClassifierModel> refitted = c.refit(b -> b.set("max_depth", "3"), List.of("North America > Male"), List.of());
        assertNull(refitted.segment("North America > Male").reference());
        Table monitored = refitted.monitor(adult, 0.5, 10).table();
        int row = monitored.stringColumn("segment").indexOf("North America > Male");
        assertEquals("no training score reference (refitted after load)", monitored.stringColumn("note").get(row));
        assertTrue(monitored.doubleColumn("psi").isMissing(row));
    }

    @Test
    void typedKeysAndDerivedLevelsSurviveTheFile() {
        Table cars = Data.cars();
        PartitionedModel<RegressorModel> m = PartitionedTrainer.of(new XRegressor(), PartitionSpec.by("Cylinders").minSize(5)
                        .map("Cylinders", new ValueMapping(Map.of("4", List.of("3", "5")), null))
                        .then(Level.derived(Derivation.QUARTER, "Year").withMinSize(5)))
                .features(List.of("Displacement", "Horsepower", "Weight_in_lbs")).threads(1)
                .fit(cars, "Miles_per_Gallon");
        Path file = dir.resolve("cars.json");
        ModelFiles.save(m, file);
        PartitionedModel<RegressorModel> r = (PartitionedModel<RegressorModel>) ModelFiles.load(file, PartitionedModel.class);
        assertEquals(m.segments().stream().map(Segment::key).toList(), r.segments().stream().map(Segment::key).toList());
        assertEquals(SegmentKey.of("4"), r.segment("\"4\"").key());
        assertEquals(SegmentKey.of(4L), r.segment("4").key());
        assertEquals("4 > Q1", r.segment("4 > Q1").name());
        assertEquals(m.predict(cars), r.predict(cars));
        assertEquals(m.trainer().features(), r.trainer().features());
        assertEquals(m.trainer().params(), r.trainer().params());

        // a loaded regressor refits once its training table is attached again, exactly like the original
        PartitaException noData = assertThrows(PartitaException.class, () -> r.refit(b -> b.set("max_depth", "2")));
        assertTrue(noData.getMessage().contains("model.withTrainingData(table).refit(...)"), noData.getMessage());
        PartitionedModel<RegressorModel> attached = r.withTrainingData(cars);
        PartitionedModel<RegressorModel> refitted = attached.refit(b -> b.set("max_depth", "2"), List.of("8"), List.of());
        assertEquals(m.refit(b -> b.set("max_depth", "2"), List.of("8"), List.of()).predict(cars), refitted.predict(cars));
        assertEquals(m.refit(b -> b.set("max_depth", "2"), List.of("8"), List.of()).segment("8").trainingMetric(),
                refitted.segment("8").trainingMetric());
        PartitaException wrong = assertThrows(PartitaException.class, () -> r.withTrainingData(cars.first(300)));
        assertTrue(wrong.getMessage().contains("is not the one the model was trained on"), wrong.getMessage());
    }

    @Test
    void trainingSettingsTravelWithTheFileForCrossValidation() {
        Table penguins = Data.penguinsClean();
        PartitionedTrainer<ClassifierModel> p = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("Island").minSize(40)).threads(2).policy(Policy.AUTO)
                .features(List.of("Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"))
                .override("Biscoe", b -> b.set("max_depth", "3")).features("Dream", "Body Mass (g)", "Beak Depth (mm)")
                .guarded(0.3, 5);
        PartitionedModel<ClassifierModel> m = p.fit(penguins, "Sex");
        Path file = dir.resolve("penguins.json");
        ModelFiles.save(m, file);
        PartitionedModel<?> loaded = ModelFiles.load(file, PartitionedModel.class);
        PartitionedTrainer<?> t = loaded.trainer();
        assertEquals(Policy.AUTO, t.policy());
        assertEquals(m.trainer().features(), t.features());
        assertEquals(m.trainer().overrides(), t.overrides());
        assertEquals(m.trainer().segmentFeatures(), t.segmentFeatures());
        assertEquals(m.trainer().guard(), t.guard());
        assertEquals(m.trainer().crossValidate(penguins, "Sex", 3, 9).table().toString(),
                loaded.trainer().crossValidate(penguins, "Sex", 3, 9).table().toString());
        assertEquals(p.crossValidate(penguins, "Sex", 3, 9).table().toString(),
                loaded.trainer().crossValidate(penguins, "Sex", 3, 9).table().toString());
        assertTrue(loaded.toString().startsWith("Partitioned classifier of Sex by Island: "), loaded.toString());
    }

    @Test
    void unknownVersionTruncatedAndCorruptedFilesAreRefused() throws IOException {
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("sex")).threads(2).fit(Data.adult(), "income");
        Path file = dir.resolve("m.json");
        ModelFiles.save(m, file);
        String json = Files.readString(file);

        Path future = dir.resolve("future.json");
        Files.writeString(future, json.replaceFirst("\"version\"\\s*:\\s*1", "\"version\": 99"));
        PartitaException v = assertThrows(PartitaException.class, () -> ModelFiles.load(future, PartitionedModel.class));
        assertTrue(v.getMessage().contains("99"), v.getMessage());

        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, json.substring(0, json.length() / 2));
        PartitaException t = assertThrows(PartitaException.class, () -> ModelFiles.load(truncated, PartitionedModel.class));
        assertTrue(t.getMessage().length() < 600 && t.getMessage().contains(truncated.toString()), t.getMessage());

        Path corrupted = dir.resolve("corrupted.json");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf("\"segments\"");
        bytes[at + 3] = '#';
        Files.write(corrupted, bytes);
        assertThrows(PartitaException.class, () -> ModelFiles.load(corrupted, PartitionedModel.class));

        Path missingField = dir.resolve("missing.json");
        Files.writeString(missingField, json.replaceFirst("\"levels\"", "\"levelz\""));
        PartitaException mf = assertThrows(PartitaException.class, () -> ModelFiles.load(missingField, PartitionedModel.class));
        assertTrue(mf.getMessage().contains("field 'levels' is missing"), mf.getMessage());

        Path single = dir.resolve("single.json");
        ModelFiles.save(new XClassifier().fit(Data.adult().first(2000), "income"), single);
        PartitaException s = assertThrows(PartitaException.class, () -> ModelFiles.load(single, PartitionedModel.class));
        assertTrue(s.getMessage().contains("holds a single classifier (ClassifierModel), not a PartitionedModel. Load it"
                + " with ModelFiles.load(path, ClassifierModel.class)"), s.getMessage());

        // failing saves leave the previous file as it was, and no temporary file
        assertThrows(PartitaException.class, () -> ModelFiles.save("not a model", file));
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("inside"));
        assertThrows(PartitaException.class, () -> ModelFiles.save(m, blocked));
        assertEquals(json, Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }
}
