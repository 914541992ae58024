package partita.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import partita.eval.Predictions;
import partita.io.ModelFiles;
import partita.model.CalibrationBins;
import partita.model.ClassifierModel;
import partita.model.Labels;
import partita.model.TrainingData;
import partita.partition.PartitionedModel;
import partita.partition.Segment;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.Segmentation;
import tech.tablesaw.api.Table;

/**
 * The passes over a Dataset's rows that training on Spark makes, shared by the single and the
 * partitioned trainer: the rows are read in chunks as tablesaw tables, grouped by segment (all
 * rows under {@code __dataset__} for a single model), and what each pass aggregates per segment
 * is merged across partitions.
 */
final class SparkPasses {

    /** The rows of a chunk per segment key. */
    interface Grouping extends Serializable {
        Map<SegmentKey, int[]> groups(Table chunk);
    }

    /** Every row under {@code __dataset__}: a single model. */
    static Grouping allRows() {
        return chunk -> Map.of(SegmentKey.DATASET, IntStream.range(0, chunk.rowCount()).toArray());
    }

    /** Every prefix of every row's path in the spec, and {@code __dataset__}. */
    static Grouping segments(PartitionSpec spec) {
        return chunk -> Segmentation.of(spec, chunk).groups(null);
    }

    /**
     * How a task reads its rows: the columns of the schema to convert, the grouping and the
     * target. What the closures carry (the passes object holds the RDD, which must not travel).
     */
    record Reader(StructType schema, List<String> names, int[] at, Grouping grouping, String target,
                  List<String> features, List<Object> labels) implements Serializable {

        Iterable<Table> chunks(Iterator<Row> partition) {
            return SparkPasses.chunks(schema, names, at, partition);
        }

        /** 0/1 by the labels, NaN where the target is missing. */
        double[] targets(Table chunk) {
            return Labels.read(chunk.column(target), labels);
        }
    }

    private final JavaRDD<Row> rows;
    private final Reader read;

    /** Passes over {@code rows} reading the columns {@code names} (features and target among them) of {@code schema}. */
    SparkPasses(JavaRDD<Row> rows, StructType schema, List<String> names, Grouping grouping, String target,
                List<String> features, List<Object> labels) {
        this.rows = rows;
        this.read = new Reader(schema, List.copyOf(names), SparkTables.indices(schema, names, "column of the data"),
                grouping, target, List.copyOf(features), List.copyOf(labels));
    }

    /** Per segment: rows with a target, rows without, positives, and each feature's value counts. */
    Map<SegmentKey, SegmentCounts> counts() {
        Reader read = this.read;
        return rows.mapPartitions((Iterator<Row> it) -> {
            Map<SegmentKey, SegmentCounts> acc = new HashMap<>();
            for (Table chunk : read.chunks(it)) {
                double[] y = read.targets(chunk);
                read.grouping().groups(chunk).forEach((key, r) -> {
                    int[] with = withTarget(r, y);
                    double positives = 0;
                    for (int i : with) {
                        positives += y[i];
                    }
                    acc.merge(key, new SegmentCounts(with.length, r.length - with.length, positives, with.length == 0
                            ? null : TrainingData.classifierCounts(chunk.rows(with), read.target(), read.features(),
                                    read.labels())),
                            SegmentCounts::merge);
                });
            }
            return List.of(acc).iterator();
        }).treeReduce((a, b) -> merge(a, b, SegmentCounts::merge));
    }

    /** Per provisional model: the calibration bins of its scores over its segment's rows with a target. */
    Map<SegmentKey, CalibrationBins> calibrationBins(JavaSparkContext sc, Map<SegmentKey, ClassifierModel> models) {
        Map<SegmentKey, byte[]> bytes = new HashMap<>();
        models.forEach((k, m) -> bytes.put(k, ModelFiles.toBytes(m)));
        Broadcast<Map<SegmentKey, byte[]>> shipped = sc.broadcast(bytes);
        Reader read = this.read;
        return rows.mapPartitions((Iterator<Row> it) -> {
            Map<SegmentKey, ClassifierModel> provisional = new HashMap<>();
            shipped.value().forEach((k, b) -> provisional.put(k, ModelFiles.fromBytes(b, ClassifierModel.class)));
            Map<SegmentKey, CalibrationBins> acc = new HashMap<>();
            for (Table chunk : read.chunks(it)) {
                double[] y = read.targets(chunk);
                Map<SegmentKey, int[]> groups = read.grouping().groups(chunk);
                provisional.forEach((key, model) -> {
                    int[] r = withTarget(groups.getOrDefault(key, new int[0]), y);
                    if (r.length > 0) {
                        acc.merge(key, CalibrationBins.of(model.predictScore(chunk.rows(r)), Predictions.pick(y, r)),
                                CalibrationBins::merge);
                    }
                });
            }
            return List.of(acc).iterator();
        }).treeReduce((a, b) -> merge(a, b, CalibrationBins::merge));
    }

    /** Per trained segment: probabilities (value -> [negatives, positives]) and own scores; per serving segment its served scores. */
    record Finals(Map<SegmentKey, Map<Double, long[]>> proba, Map<SegmentKey, Map<Double, long[]>> own,
                  Map<SegmentKey, Map<Double, long[]>> served) implements java.io.Serializable {
        Finals merge(Finals o) {
            return new Finals(add(proba, o.proba), add(own, o.own), add(served, o.served));
        }

        private static Map<SegmentKey, Map<Double, long[]>> add(Map<SegmentKey, Map<Double, long[]>> a,
                                                                Map<SegmentKey, Map<Double, long[]>> b) {
            Map<SegmentKey, Map<Double, long[]>> out = new HashMap<>();
            a.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
            b.forEach((k, v) -> v.forEach((x, c) -> out.computeIfAbsent(k, q -> new TreeMap<>())
                    .merge(x, c.clone(), (p, q) -> new long[] {p[0] + q[0], p[1] + q[1]})));
            return out;
        }
    }

    /**
     * For a partitioned classifier (trained segments without metrics or references yet): per
     * trained segment its probabilities and scores over its rows with a target, and per serving
     * segment the scores of the rows with a target it serves under routing.
     */
    Finals finals(JavaSparkContext sc, PartitionedModel<ClassifierModel> routed) {
        Broadcast<byte[]> routing = sc.broadcast(ModelFiles.toBytes(routed));
        Reader read = this.read;
        return rows.mapPartitions((Iterator<Row> it) -> {
            PartitionedModel<?> model = ModelFiles.fromBytes(routing.value(), PartitionedModel.class);
            Map<String, SegmentKey> byName = new HashMap<>();
            model.segments().forEach(s -> byName.put(s.name(), s.key()));
            Finals f = new Finals(new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (Table chunk : read.chunks(it)) {
                double[] y = read.targets(chunk);
                Map<SegmentKey, int[]> groups = read.grouping().groups(chunk);
                Map<SegmentKey, Map<Double, long[]>> proba = new HashMap<>();
                Map<SegmentKey, Map<Double, long[]>> own = new HashMap<>();
                for (Segment s : model.segments()) {
                    int[] r = s.trained() ? withTarget(groups.getOrDefault(s.key(), new int[0]), y) : new int[0];
                    if (r.length == 0) {
                        continue;
                    }
                    ClassifierModel m = (ClassifierModel) s.model();
                    double[] scores = m.predictScore(chunk.rows(r)); // probabilities are the map of these scores
                    for (int i = 0; i < r.length; i++) {
                        proba.computeIfAbsent(s.key(), k -> new TreeMap<>())
                                .computeIfAbsent(m.proba(scores[i]), k -> new long[2])[(int) y[r[i]]]++;
                        own.computeIfAbsent(s.key(), k -> new TreeMap<>()).computeIfAbsent(scores[i], k -> new long[2])
                                [0]++;
                    }
                }
                int[] labelled = java.util.stream.IntStream.range(0, chunk.rowCount()).filter(i -> !Double.isNaN(y[i]))
                        .toArray();
                Map<SegmentKey, Map<Double, long[]>> served = new HashMap<>();
                if (labelled.length > 0) {
                    Table t = chunk.rows(labelled);
                    double[] score = model.predictScore(t);
                    List<String> by = model.scoredBy(t);
                    for (int i = 0; i < labelled.length; i++) {
                        served.computeIfAbsent(byName.get(by.get(i)), k -> new TreeMap<>())
                                .computeIfAbsent(score[i], k -> new long[2])[0]++;
                    }
                }
                f = f.merge(new Finals(proba, own, served));
            }
            return List.of(f).iterator();
        }).treeReduce(Finals::merge);
    }

    /** A partition's rows as tables of at most {@link SparkTables#CHUNK} rows (the given columns). */
    static Iterable<Table> chunks(StructType schema, List<String> names, int[] at, Iterator<Row> partition) {
        Iterator<List<Row>> chunks = SparkTables.chunks(partition);
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

    /** A table with the read columns' types and no rows (what the engine sees of the schema). */
    Table emptyChunk() {
        return SparkTables.toTable(read.schema(), read.names(), read.at(), List.of());
    }

    /** The rows of a group that have a target. */
    static int[] withTarget(int[] group, double[] y) {
        return java.util.Arrays.stream(group).filter(i -> !Double.isNaN(y[i])).toArray();
    }

    private static <V> Map<SegmentKey, V> merge(Map<SegmentKey, V> a, Map<SegmentKey, V> b,
                                                java.util.function.BinaryOperator<V> add) {
        Map<SegmentKey, V> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, add));
        return out;
    }
}
