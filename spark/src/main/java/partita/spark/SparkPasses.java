package partita.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import partita.eval.Metrics;
import partita.eval.Predictions;
import partita.io.ModelFiles;
import partita.model.Kind;
import partita.model.TransparentModel;
import partita.partition.Moments;
import partita.partition.ScoreReference;
import partita.partition.PartitionedModel;
import partita.partition.Segment;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.Segmentation;
import scala.Tuple2;
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
     * How a task reads its rows: the columns of the schema to convert, the grouping, the target and
     * how the kind counts. What the closures carry (the passes object holds the RDD, which must not
     * travel).
     */
    record Reader(StructType schema, List<String> names, int[] at, Grouping grouping, String target,
                  List<String> features, List<Object> labels, CountedFit<?, ?> fit) implements Serializable {

        Iterable<Table> chunks(Iterator<Row> partition) {
            return SparkPasses.chunks(schema, names, at, partition);
        }

        /** 0/1 by the labels (classifier) or the numbers (regressor), NaN where the target is missing. */
        double[] targets(Table chunk) {
            return fit.kind().read(chunk.column(target), labels);
        }
    }

    private final JavaRDD<Row> rows;
    private final Reader read;

    /**
     * Passes over {@code rows} reading the columns {@code names} (features and target among them)
     * of {@code schema}; {@code labels} are a classifier's (empty for a regressor).
     */
    SparkPasses(JavaRDD<Row> rows, StructType schema, List<String> names, Grouping grouping, String target,
                List<String> features, List<Object> labels, CountedFit<?, ?> fit) {
        this.rows = rows;
        this.read = new Reader(schema, List.copyOf(names), SparkTables.indices(schema, names, "column of the data"),
                grouping, target, List.copyOf(features), List.copyOf(labels), fit);
    }

    /** Per segment: rows with a target, rows without, the target's sum and moments, and each feature's value counts. */
    Map<SegmentKey, SegmentCounts> counts() {
        Reader read = this.read;
        return reduce(rows.mapPartitions((Iterator<Row> it) -> {
            Map<SegmentKey, SegmentCounts> acc = new HashMap<>();
            for (Table chunk : read.chunks(it)) {
                double[] y = read.targets(chunk);
                read.grouping().groups(chunk).forEach((key, r) -> {
                    int[] with = withTarget(r, y);
                    double sum = 0;
                    for (int i : with) {
                        sum += y[i];
                    }
                    acc.merge(key, new SegmentCounts(with.length, r.length - with.length, sum, Moments.of(y, with),
                                    with.length == 0 ? null : read.fit().counts(chunk.rows(with), read.target(),
                                            read.features(), read.labels())),
                            SegmentCounts::merge);
                });
            }
            return List.of(acc).iterator();
        }), (a, b) -> merge(a, b, SegmentCounts::merge));
    }

    /**
     * Per grown model: its second statistic ({@link CountedFit#second}: calibration bins or leaf
     * counts) over its segment's rows with a target.
     */
    <M extends TransparentModel, S extends Serializable> Map<SegmentKey, S> second(
            JavaSparkContext sc, CountedFit<M, S> fit, Map<SegmentKey, M> grown) {
        Map<SegmentKey, byte[]> bytes = new HashMap<>();
        grown.forEach((k, m) -> bytes.put(k, ModelFiles.toBytes(m)));
        Broadcast<Map<SegmentKey, byte[]>> shipped = sc.broadcast(bytes);
        Reader read = this.read;
        @SuppressWarnings("unchecked")
        Class<M> type = (Class<M>) fit.kind().modelType();
        return reduce(rows.mapPartitions((Iterator<Row> it) -> {
            Map<SegmentKey, M> models = new HashMap<>();
            shipped.value().forEach((k, b) -> models.put(k, ModelFiles.fromBytes(b, type)));
            Map<SegmentKey, S> acc = new HashMap<>();
            for (Table chunk : read.chunks(it)) {
                double[] y = read.targets(chunk);
                Map<SegmentKey, int[]> groups = read.grouping().groups(chunk);
                models.forEach((key, model) -> {
                    int[] r = withTarget(groups.getOrDefault(key, new int[0]), y);
                    if (r.length > 0) {
                        acc.merge(key, fit.second(model, chunk.rows(r), Predictions.pick(y, r)), fit::merge);
                    }
                });
            }
            return List.of(acc).iterator();
        }), (a, b) -> merge(a, b, fit::merge));
    }

    /**
     * What the last pass counts. Per trained segment: a classifier's probabilities (value ->
     * [negatives, positives], for the training AUC) or a regressor's sums of squares ([residual,
     * total about the segment's mean], for the training R²), and its scores on its own rows; per
     * serving segment, the scores of the rows it serves under routing (value -> [rows]).
     */
    record Finals(Map<SegmentKey, Map<Double, long[]>> proba, Map<SegmentKey, double[]> squares,
                  Map<SegmentKey, Map<Double, long[]>> own, Map<SegmentKey, Map<Double, long[]>> served)
            implements Serializable {

        static Finals empty() {
            return new Finals(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        }

        Finals merge(Finals o) {
            Map<SegmentKey, double[]> sq = new HashMap<>();
            squares.forEach((k, v) -> sq.put(k, v.clone()));
            o.squares.forEach((k, v) -> sq.merge(k, v.clone(), (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]}));
            return new Finals(add(proba, o.proba), sq, add(own, o.own), add(served, o.served));
        }

        /** The segment's headline metric on its training rows: AUC or R². */
        double metric(SegmentKey key, Kind kind) {
            if (kind == Kind.REGRESSOR) {
                double[] sq = squares.getOrDefault(key, new double[2]);
                return Metrics.r2(sq[0], sq[1]);
            }
            Map<Double, long[]> p = proba.getOrDefault(key, new TreeMap<>());
            return Metrics.auc(p.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    p.values().stream().mapToLong(v -> v[0]).toArray(), p.values().stream().mapToLong(v -> v[1]).toArray());
        }

        /** The drift reference of a trained segment: the scores it serves, or its own when it serves none. */
        ScoreReference reference(SegmentKey key) {
            Map<Double, long[]> scores = served.containsKey(key) ? served.get(key) : own.get(key);
            return ScoreReference.of(scores.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    scores.values().stream().mapToLong(v -> v[0]).toArray());
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
     * The last pass over a partitioned model whose trained segments have no metrics or references
     * yet; {@code means} are the segments' target means (a regressor's total sum of squares).
     */
    Finals finals(JavaSparkContext sc, PartitionedModel<?> routed, Map<SegmentKey, Double> means) {
        Broadcast<byte[]> routing = sc.broadcast(ModelFiles.toBytes(routed));
        Reader read = this.read;
        Kind kind = read.fit().kind();
        return reduce(rows.mapPartitions((Iterator<Row> it) -> {
            PartitionedModel<?> model = ModelFiles.fromBytes(routing.value(), PartitionedModel.class);
            Map<String, SegmentKey> byName = new HashMap<>();
            model.segments().forEach(s -> byName.put(s.name(), s.key()));
            Finals f = Finals.empty();
            for (Table chunk : read.chunks(it)) {
                double[] y = read.targets(chunk);
                Map<SegmentKey, int[]> groups = read.grouping().groups(chunk);
                for (Segment s : model.segments()) {
                    int[] r = s.trained() ? withTarget(groups.getOrDefault(s.key(), new int[0]), y) : new int[0];
                    if (r.length == 0) {
                        continue;
                    }
                    Table rows = chunk.rows(r);
                    double[] scores = s.model().predictScore(rows);
                    double[] values = kind.values(s.model(), rows, null); // what the headline metric reads
                    Map<Double, long[]> own = f.own().computeIfAbsent(s.key(), k -> new TreeMap<>());
                    double[] sq = kind == Kind.REGRESSOR ? f.squares().computeIfAbsent(s.key(), k -> new double[2]) : null;
                    double mean = means.getOrDefault(s.key(), Double.NaN);
                    for (int i = 0; i < r.length; i++) {
                        own.computeIfAbsent(scores[i], k -> new long[2])[0]++;
                        if (kind == Kind.CLASSIFIER) {
                            f.proba().computeIfAbsent(s.key(), k -> new TreeMap<>())
                                    .computeIfAbsent(values[i], k -> new long[2])[(int) y[r[i]]]++;
                        } else {
                            sq[0] += (y[r[i]] - values[i]) * (y[r[i]] - values[i]);
                            sq[1] += (y[r[i]] - mean) * (y[r[i]] - mean);
                        }
                    }
                }
                int[] labelled = IntStream.range(0, chunk.rowCount()).filter(i -> !Double.isNaN(y[i])).toArray();
                if (labelled.length > 0) {
                    Table t = chunk.rows(labelled);
                    double[] score = model.predictScore(t);
                    List<String> by = model.scoredBy(t);
                    for (int i = 0; i < labelled.length; i++) {
                        f.served().computeIfAbsent(byName.get(by.get(i)), k -> new TreeMap<>())
                                .computeIfAbsent(score[i], k -> new long[2])[0]++;
                    }
                }
            }
            return List.of(f).iterator();
        }), Finals::merge);
    }

    /**
     * The one value per partition of {@code perPartition}, merged in partition order, four at a
     * time on the executors, then on the driver: sums of doubles come out the same on every run
     * (Spark's own reduce merges in the order tasks finish).
     */
    static <T> T reduce(JavaRDD<T> perPartition, Merge<T> op) {
        int n = perPartition.getNumPartitions();
        JavaPairRDD<Integer, T> level = perPartition.mapPartitionsWithIndex((i, it) -> {
            List<Tuple2<Integer, T>> out = new ArrayList<>();
            it.forEachRemaining(t -> out.add(new Tuple2<>(i, t)));
            return out.iterator();
        }, true).mapToPair(t -> t);
        while (n > FAN_IN) {
            int next = (n + FAN_IN - 1) / FAN_IN;
            level = level.mapToPair(t -> new Tuple2<>(t._1() / FAN_IN, t)).groupByKey(next)
                    .mapToPair(g -> new Tuple2<>(g._1(), inOrder(g._2(), op)));
            n = next;
        }
        List<Tuple2<Integer, T>> last = level.collect();
        if (last.isEmpty()) {
            throw new IllegalStateException("no partition");
        }
        return inOrder(last, op);
    }

    private static final int FAN_IN = 4;

    /** A merge the closures can carry. */
    interface Merge<T> extends java.util.function.BinaryOperator<T>, Serializable {
    }

    private static <T> T inOrder(Iterable<Tuple2<Integer, T>> parts, Merge<T> op) {
        List<Tuple2<Integer, T>> sorted = new ArrayList<>();
        parts.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(Tuple2::_1));
        T acc = sorted.get(0)._2();
        for (int i = 1; i < sorted.size(); i++) {
            acc = op.apply(acc, sorted.get(i)._2());
        }
        return acc;
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
