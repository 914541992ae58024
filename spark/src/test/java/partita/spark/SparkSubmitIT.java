package partita.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import partita.io.ModelFiles;
import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.RegressorModel;
import partita.model.XClassifier;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.segment.PartitionSpec;
import tech.tablesaw.api.Table;

/**
 * The job jar run by Spark's own spark-submit (SparkSubmit, in local mode, through
 * spark-submit-local.sh) on a local CSV file: its model file loads as the in-process model.
 */
class SparkSubmitIT {

    @TempDir
    Path dir;

    private static String submit(String... words) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "spark-submit-local.sh"));
        command.addAll(List.of(words));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClassifierFileFromSparkSubmitIsTheInProcessModel() throws Exception {
        Path csv = LocalSpark.DATA.resolve("adult.csv");
        Path out = dir.resolve("by-relationship.json");
        String log = submit("data=" + csv, "target=income", "by=relationship",
                "features=age,education_num,hours_per_week,occupation", "min_size=300", "max_depth=6", "out=" + out);
        assertTrue(log.contains("Trained a partitioned classifier (kind= inferred"), log);
        assertTrue(log.contains("Wrote " + out.toAbsolutePath()), log);
        PartitionedModel<ClassifierModel> fromSpark = ModelFiles.load(out, PartitionedModel.class);
        Table adult = Table.read().csv(csv.toString());
        PartitionedModel<ClassifierModel> local = PartitionedTrainer.of(new XClassifier(Params.builder().maxDepth(6)
                        .build()), PartitionSpec.by("relationship").minSize(300))
                .features(List.of("age", "education_num", "hours_per_week", "occupation")).fit(adult, "income");
        SparkPartitionedTrainerTest.assertSameModel(ModelFiles.fromBytes(ModelFiles.toBytes(local),
                PartitionedModel.class), fromSpark, adult);
    }

    @Test
    void aRegressorAndABadWordOverSparkSubmit() throws Exception {
        Path out = dir.resolve("hours.json");
        String log = submit("data=" + LocalSpark.DATA.resolve("adult.csv"), "target=hours_per_week", "by=sex",
                "features=age,education_num,occupation", "out=" + out);
        assertTrue(log.contains("Trained a partitioned regressor"), log);
        PartitionedModel<?> m = ModelFiles.load(out, PartitionedModel.class);
        assertTrue(m.datasetModel() instanceof RegressorModel, "a regressor file");

        List<String> command = List.of("bash", "spark-submit-local.sh", "data=" + LocalSpark.DATA.resolve("adult.csv"),
                "target=income", "by=sexx", "out=" + dir.resolve("x.json"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue(), text);
        assertTrue(text.contains("Did you mean: sex?"), text);
        assertTrue(!text.contains("\tat partita."), "no stack trace: " + text);
    }
}
