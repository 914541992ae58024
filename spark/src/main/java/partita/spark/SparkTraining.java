package partita.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import partita.io.ModelFiles;
import partita.model.CalibrationBins;
import partita.model.ClassifierModel;
import partita.model.Labels;
import partita.model.TrainingData;
import partita.model.ValueCounts;
import partita.model.XClassifier;
import tech.tablesaw.api.Table;

/**
 * Fits a transparent classifier on a Dataset without collecting its rows: the executors count,
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
        StructType schema = data.schema();
        List<String> columns = new ArrayList<>(features);
        columns.add(target);
        SparkTables.indices(schema, columns, "column of the data");
        List<Object> labels = labels(data, target);
        JavaRDD<Row> rows = data.select(target, features.toArray(String[]::new)).javaRDD();
        StructType selected = data.select(target, features.toArray(String[]::new)).schema();
        List<String> names = List.of(selected.fieldNames());
        int[] at = SparkTables.indices(selected, names, "column");
        List<ValueCounts> counts = rows.mapPartitions((Iterator<Row> it) -> {
            List<List<ValueCounts>> out = new ArrayList<>();
            for (Table chunk : chunks(selected, names, at, it)) {
                out.add(TrainingData.classifierCounts(chunk, target, features, labels));
            }
            return out.iterator();
        }).treeReduce(SparkTraining::merge);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        return estimator.fit(target, labels, counts, provisional -> {
            Broadcast<byte[]> model = sc.broadcast(ModelFiles.toBytes(provisional));
            return rows.mapPartitions((Iterator<Row> it) -> {
                ClassifierModel m = ModelFiles.fromBytes(model.value(), ClassifierModel.class);
                CalibrationBins bins = CalibrationBins.empty();
                for (Table chunk : chunks(selected, names, at, it)) {
                    double[] y = Labels.read(chunk.column(target), labels);
                    bins = bins.merge(CalibrationBins.of(m.predictScore(chunk), y));
                }
                return List.of(bins).iterator();
            }).reduce(CalibrationBins::merge);
        });
    }

    /** The two labels of the target, by the engine's rule ({@link TrainingData#binaryLabels}). */
    static List<Object> labels(Dataset<Row> data, String target) {
        Dataset<Row> distinct = data.select(target).distinct().limit(3);
        List<Row> values = distinct.collectAsList();
        Table t = SparkTables.toTable(distinct.schema(), List.of(target), new int[] {0}, values);
        return TrainingData.binaryLabels(t.column(target));
    }

    private static List<ValueCounts> merge(List<ValueCounts> a, List<ValueCounts> b) {
        List<ValueCounts> out = new ArrayList<>(a.size());
        for (int j = 0; j < a.size(); j++) {
            out.add(a.get(j).merge(b.get(j)));
        }
        return out;
    }

    /** A partition's rows as tables of at most {@link SparkTables#CHUNK} rows. */
    static Iterable<Table> chunks(StructType schema, List<String> names, int[] at, Iterator<Row> rows) {
        Iterator<List<Row>> chunks = SparkTables.chunks(rows);
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return chunks.hasNext();
            }

            @Override
            public Table next() {
                return SparkTables.toTable(schema, names, at, chunks.next());
            }
        };
    }
}
