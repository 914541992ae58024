package partita.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import partita.PartitaException;
import partita.io.ModelFiles;
import partita.model.ClassifierModel;
import partita.model.Params;
import partita.model.XClassifier;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.segment.PartitionSpec;
import tech.tablesaw.api.Table;

/** The spark-submit entry point, run on a local CSV file: its model file loads as the in-process model. */
class TrainOnSparkTest extends LocalSpark {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void aModelFileFromSparkIsTheInProcessModel() {
        Path csv = DATA.resolve("adult.csv");
        Path out = dir.resolve("by-relationship.json");
        TrainOnSpark.run(spark, "data=" + csv, "target=income", "by=relationship",
                "features=age,education_num,hours_per_week,occupation,capital_gain", "min_size=300", "max_depth=6",
                "out=" + out);
        PartitionedModel<ClassifierModel> fromSpark = ModelFiles.load(out, PartitionedModel.class);

        Table adult = Table.read().csv(csv.toString());
        PartitionedModel<ClassifierModel> local = PartitionedTrainer.of(new XClassifier(Params.builder().maxDepth(6)
                        .build()), PartitionSpec.by("relationship").minSize(300))
                .features(List.of("age", "education_num", "hours_per_week", "occupation", "capital_gain"))
                .threads(2).fit(adult, "income");
        PartitionedModel<ClassifierModel> localFile = ModelFiles.fromBytes(ModelFiles.toBytes(local),
                PartitionedModel.class);
        SparkPartitionedTrainerTest.assertSameModel(localFile, fromSpark, adult);
    }

    @Test
    void badWordsAreRefusedWithTheGoodOnes() {
        PartitaException unknown = assertThrows(PartitaException.class, () -> TrainOnSpark.run(spark, "data=x.csv",
                "targt=income"));
        assertTrue(unknown.getMessage().contains("Did you mean: target?"), unknown.getMessage());
        PartitaException missing = assertThrows(PartitaException.class, () -> TrainOnSpark.run(spark,
                "data=" + DATA.resolve("adult.csv"), "by=sex"));
        assertTrue(missing.getMessage().startsWith("Give target=:"), missing.getMessage());
        PartitaException word = assertThrows(PartitaException.class, () -> TrainOnSpark.run(spark, "income"));
        assertTrue(word.getMessage().contains("is not a key=value word"), word.getMessage());
    }
}
