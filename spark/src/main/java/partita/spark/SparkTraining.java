package partita.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import partita.PartitaException;
import partita.model.ClassifierModel;
import partita.model.TrainingData;
import partita.model.XClassifier;
import partita.partition.segment.SegmentKey;
import tech.tablesaw.api.Table;

/**
 * Fits a transparent classifier on a Dataset without collecting its rows ({@link SparkPasses}): the executors count,
 * per feature, every distinct value's rows and positives (merged across partitions), the driver
 * grows the model from those counts, and one more pass bins the training scores for the
 * calibration map. The model is the one {@code XClassifier.fit} gives on the same rows, bit for
 * bit; driver memory is bounded by the distinct values per feature, not by rows. (This is the
 * {@code __dataset__} model of partitioned training on Spark.)
 */
public final class SparkTraining {

    private SparkTraining() {
    }

    /** The reference classifier of {@code estimator} fitted on the rows of {@code data}. */
    public static ClassifierModel fitClassifier(XClassifier estimator, Dataset<Row> data, String target,
                                                List<String> features) {
        List<String> names = new ArrayList<>(features);
        names.add(target);
        SparkTables.indices(data.schema(), names, "column of the data");
        List<Object> labels = labels(data, target);
        SparkPasses passes = new SparkPasses(data.javaRDD(), data.schema(), names, SparkPasses.allRows(), target,
                features, labels);
        SegmentCounts counts = passes.counts().get(SegmentKey.DATASET);
        if (counts.missingTarget() > 0) {
            throw new PartitaException("The target column '" + target + "' has " + counts.missingTarget() + " missing"
                    + " value(s). Drop those rows (e.g. data.na().drop(new String[] {\"" + target + "\"})) or fill them"
                    + " before fitting.");
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        return estimator.fit(target, labels, counts.features(),
                provisional -> passes.calibrationBins(sc, Map.of(SegmentKey.DATASET, provisional)).get(SegmentKey.DATASET));
    }

    /** The two labels of the target, by the engine's rule ({@link TrainingData#binaryLabels}). */
    static List<Object> labels(Dataset<Row> data, String target) {
        Dataset<Row> distinct = data.select(target).distinct().limit(3);
        List<Row> values = distinct.collectAsList();
        Table t = SparkTables.toTable(distinct.schema(), List.of(target), new int[] {0}, values);
        return TrainingData.binaryLabels(t.column(target));
    }
}
