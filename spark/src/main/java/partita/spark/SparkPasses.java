package partita.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import partita.eval.Metrics;
import partita.eval.Predictions;
import partita.io.ModelFiles;
import partita.model.Kind;
import partita.model.SplitStats;
import partita.model.TrainingData;
import partita.model.TransparentModel;
import partita.model.ValueCounts;
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

    /**
     * The counting pass. Per segment: rows with a target, rows without, the target's sum and
     * moments, and each feature's value counts; a numeric feature's values stay on the executors,
     * sorted by Spark and thinned to candidate splits ({@link NumericCandidates}), and the driver
     * gets only their missing cells here.
     */
    Counted counts(JavaSparkContext sc) {
        Reader read = this.read;
        JavaRDD<Map<SegmentKey, SegmentCounts>> perPartition = rows.mapPartitions((Iterator<Row> it) -> {
            Map<SegmentKey, SegmentCounts> acc = new HashMap<>();
            for (Table chunk : read.chunks(it)) {
                double[] y = read.targets(chunk);
                List<SegmentKey> keys = new ArrayList<>();
                List<int[]> all = new ArrayList<>();
                List<int[]> labelled = new ArrayList<>();
                read.grouping().groups(chunk).forEach((key, r) -> {
                    keys.add(key);
                    all.add(r);
                    labelled.add(withTarget(r, y));
                });
                List<List<ValueCounts>> counted = TrainingData.counts(chunk, read.target(), read.features(), y,
                        labelled);
                for (int g = 0; g < keys.size(); g++) {
                    int[] with = labelled.get(g);
                    double sum = 0;
                    for (int i : with) {
                        sum += y[i];
                    }
                    acc.merge(keys.get(g), new SegmentCounts(with.length, all.get(g).length - with.length, sum,
                            Moments.of(y, with), with.length == 0 ? null : counted.get(g)), SegmentCounts::merge);
                }
            }
            return List.<Map<SegmentKey, SegmentCounts>>of(acc).iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        Map<SegmentKey, SegmentCounts> summary = reduce(perPartition.map(SparkPasses::withoutNumericValues),
                (a, b) -> merge(a, b, SegmentCounts::merge));
        int features = read.features().size();
        boolean[] numeric = new boolean[features];
        List<ValueCounts> any = summary.values().stream().filter(c -> c.features() != null).findFirst()
                .map(SegmentCounts::features).orElse(List.of());
        for (int j = 0; j < any.size(); j++) {
            numeric[j] = any.get(j).numeric();
        }
        HashMap<SegmentKey, Integer> ids = new HashMap<>();
        summary.keySet().stream().sorted(java.util.Comparator.comparing(SegmentKey::name))
                .forEach(k -> ids.put(k, ids.size()));
        NumericCandidates.Grouping group = (key, j) -> numeric[j] ? ids.get(key) * features + j : -1;
        NumericCandidates sorted = new NumericCandidates(sc, perPartition, group,
                Math.max(rows.getNumPartitions(), sc.defaultParallelism()));
        perPartition.unpersist(false);
        return new Counted(summary, sorted, group, read.features());
    }

    /** A partition's counts with each numeric feature's values left out (its missing cells kept). */
    private static Map<SegmentKey, SegmentCounts> withoutNumericValues(Map<SegmentKey, SegmentCounts> counts) {
        Map<SegmentKey, SegmentCounts> out = new HashMap<>();
        counts.forEach((key, c) -> out.put(key, c.features() == null ? c : new SegmentCounts(c.rows(),
                c.missingTarget(), c.targetSum(), c.moments(), c.features().stream().map(v -> !v.numeric() ? v
                : new ValueCounts(v.feature(), new double[0], null, new int[0], new double[0], v.missingCount(),
                v.missingSum())).toList())));
        return out;
    }

    /**
     * What the counting pass gives the driver: per segment its counts (a numeric feature's missing
     * cells only), and, from the values sorted on the executors, each numeric feature's number of
     * distinct values and its split statistics.
     */
    static final class Counted implements AutoCloseable {
        private final Map<SegmentKey, SegmentCounts> segments;
        private final NumericCandidates numeric;
        private final NumericCandidates.Grouping group;
        private final List<String> features;

        Counted(Map<SegmentKey, SegmentCounts> segments, NumericCandidates numeric, NumericCandidates.Grouping group,
                List<String> features) {
            this.segments = segments;
            this.numeric = numeric;
            this.group = group;
            this.features = features;
        }

        Map<SegmentKey, SegmentCounts> segments() {
            return segments;
        }

        /** Which of the given features have one value in a segment's rows (a missing cell counting as a value). */
        List<String> constant(SegmentKey key, List<String> names) {
            SegmentCounts c = segments.get(key);
            if (c.features() == null) {
                return List.of();
            }
            return names.stream().filter(f -> {
                int j = features.indexOf(f);
                ValueCounts v = c.features().get(j);
                int values = v.numeric() ? numeric.distinct(group.of(key, j)) : v.counts().length;
                return values + (v.missingCount() > 0 ? 1 : 0) == 1;
            }).toList();
        }

        /**
         * Per segment asked (its features and alpha), the split statistics of each feature in order:
         * numeric ones from their candidates (one pass for all), categorical ones from their counts.
         */
        Map<SegmentKey, List<SplitStats>> stats(Map<SegmentKey, Map.Entry<List<String>, Double>> asked) {
            Map<Integer, Double> alpha = new HashMap<>();
            Map<Integer, ValueCounts> missing = new HashMap<>();
            asked.forEach((key, want) -> {
                for (String f : want.getKey()) {
                    int j = features.indexOf(f);
                    int g = group.of(key, j);
                    if (g >= 0) {
                        alpha.put(g, want.getValue());
                        missing.put(g, segments.get(key).features().get(j));
                    }
                }
            });
            Map<Integer, SplitStats.Numeric> thinned = numeric.stats(alpha, missing);
            Map<SegmentKey, List<SplitStats>> out = new HashMap<>();
            asked.forEach((key, want) -> {
                List<SplitStats> stats = new ArrayList<>();
                for (String f : want.getKey()) {
                    int j = features.indexOf(f);
                    int g = group.of(key, j);
                    stats.add(g >= 0 ? thinned.get(g) : segments.get(key).features().get(j).splitStats(want.getValue()));
                }
                out.put(key, stats);
            });
            return out;
        }

        @Override
        public void close() {
            numeric.close();
        }
    }

    /** What a pass computes over one segment's rows with a target in one chunk ({@code y}: their targets, in order). */
    interface PerSegment<V> extends Serializable {
        V apply(SegmentKey key, Table chunk, int[] rows, double[] y);
    }

    /**
     * One pass: for each of the given segments, {@code each} over its rows with a target, chunk by
     * chunk, merged in chunk and then partition order (the same on every run).
     */
    <V extends Serializable> Map<SegmentKey, V> perSegment(java.util.Collection<SegmentKey> keys, PerSegment<V> each,
                                                           Merge<V> merge) {
        Reader read = this.read;
        List<SegmentKey> wanted = List.copyOf(keys);
        return reduce(rows.mapPartitions((Iterator<Row> it) -> {
            Map<SegmentKey, V> acc = new HashMap<>();
            for (Table chunk : read.chunks(it)) {
                double[] y = read.targets(chunk);
                Map<SegmentKey, int[]> groups = read.grouping().groups(chunk);
                for (SegmentKey key : wanted) {
                    int[] r = withTarget(groups.getOrDefault(key, new int[0]), y);
                    if (r.length > 0) {
                        acc.merge(key, each.apply(key, chunk, r, Predictions.pick(y, r)), merge);
                    }
                }
            }
            return List.of(acc).iterator();
        }), (a, b) -> merge(a, b, merge));
    }

    /**
     * Per grown model: its second statistic ({@link CountedFit#second}: calibration bins or leaf
     * counts) over its segment's rows with a target.
     */
    <M extends TransparentModel, S extends Serializable> Map<SegmentKey, S> second(
            JavaSparkContext sc, CountedFit<M, S> fit, Map<SegmentKey, M> grown) {
        if (grown.isEmpty()) {
            return Map.of();
        }
        HashMap<SegmentKey, byte[]> bytes = new HashMap<>();
        grown.forEach((k, m) -> bytes.put(k, ModelFiles.toBytes(m)));
        @SuppressWarnings("unchecked")
        Class<M> type = (Class<M>) fit.kind().modelType();
        Shipped<HashMap<SegmentKey, byte[]>, Map<SegmentKey, M>> shipped = Shipped.of(sc, bytes, b -> {
            Map<SegmentKey, M> decoded = new HashMap<>();
            b.forEach((k, m) -> decoded.put(k, ModelFiles.fromBytes(m, type)));
            return decoded;
        });
        try {
            return perSegment(grown.keySet(), (key, chunk, rows, y) -> fit.second(shipped.get().get(key), chunk, rows, y),
                    fit::merge);
        } finally {
            shipped.destroy();
        }
    }

    /** What the last passes give every trained segment: its training metric (AUC or R²) and its drift reference. */
    record Finals(Map<SegmentKey, Double> metric, Map<SegmentKey, ScoreReference> reference) {
    }

    /**
     * The last passes over a partitioned model whose trained segments have no metrics or
     * references yet; {@code means} are the segments' target means (a regressor's total sum of
     * squares). The scores and a classifier's probabilities are counted and sorted by Spark
     * ({@link SortedCounts}): per trained segment its probabilities on its own rows (AUC) and its
     * scores on them, and per serving segment the scores of the rows it serves under routing (the
     * reference; its own when it serves none). A regressor's sums of squares are one more pass.
     */
    Finals finals(JavaSparkContext sc, PartitionedModel<?> routed, Map<SegmentKey, Double> means) {
        Shipped<byte[], PartitionedModel<?>> routing = routing(sc, routed);
        Reader read = this.read;
        Kind kind = read.fit().kind();
        List<Segment> segments = routed.segments();
        JavaPairRDD<SortedCounts.Key, long[]> pairs = rows.mapPartitionsToPair(
                (Iterator<Row> it) -> counted(read, routing.get(), read.chunks(it).iterator()));
        int partitions = Math.max(rows.getNumPartitions(), sc.defaultParallelism());
        Map<SegmentKey, Double> metric = new HashMap<>();
        Map<SegmentKey, ScoreReference> reference = new HashMap<>();
        try (SortedCounts sorted = new SortedCounts(sc, pairs, partitions)) {
            Map<Integer, SegmentKey> referenced = new HashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                Segment s = segments.get(i);
                if (s.trained()) {
                    referenced.put(sorted.rows(group(i, SERVED)) > 0 ? group(i, SERVED) : group(i, OWN),
                            s.key());
                    if (kind == Kind.CLASSIFIER) {
                        metric.put(s.key(), sorted.auc(group(i, PROBA)));
                    }
                }
            }
            sorted.references(referenced.keySet()).forEach((g, ref) -> reference.put(referenced.get(g), ref));
        }
        routing.destroy();
        if (kind == Kind.REGRESSOR) {
            squares(sc, routed, means).forEach((key, sq) -> metric.put(key, Metrics.r2(sq[0], sq[1])));
        }
        return new Finals(metric, reference);
    }

    private static final int PROBA = 0;
    private static final int OWN = 1;
    private static final int SERVED = 2;

    private static int group(int segment, int what) {
        return 3 * segment + what;
    }

    /** The routed model, shipped to the tasks. */
    private static Shipped<byte[], PartitionedModel<?>> routing(JavaSparkContext sc, PartitionedModel<?> routed) {
        return Shipped.of(sc, ModelFiles.toBytes(routed), b -> ModelFiles.fromBytes(b, PartitionedModel.class));
    }

    /** What {@link #finals} counts in a partition, chunk by chunk. */
    private static Iterator<Tuple2<SortedCounts.Key, long[]>> counted(Reader read, PartitionedModel<?> model,
                                                                     Iterator<Table> chunks) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < model.segments().size(); i++) {
            index.put(model.segments().get(i).name(), i);
        }
        return new Iterator<>() {
            private Iterator<Map.Entry<SortedCounts.Key, long[]>> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && chunks.hasNext()) {
                    current = counted(read, model, index, chunks.next()).entrySet().iterator();
                }
                return current.hasNext();
            }

            @Override
            public Tuple2<SortedCounts.Key, long[]> next() {
                Map.Entry<SortedCounts.Key, long[]> e = current.next();
                return new Tuple2<>(e.getKey(), e.getValue());
            }
        };
    }

    /**
     * What {@link #finals} counts in one chunk, by (segment and what, value). A row's score under a
     * segment's model counts as served when routing sends the row to that segment, else as its own
     * only: a reference needs the own scores only of a segment that serves none.
     */
    private static Map<SortedCounts.Key, long[]> counted(Reader read, PartitionedModel<?> model,
                                                        Map<String, Integer> index, Table chunk) {
        Map<SortedCounts.Key, long[]> out = new HashMap<>();
        double[] y = read.targets(chunk);
        int[] labelled = IntStream.range(0, chunk.rowCount()).filter(i -> !Double.isNaN(y[i])).toArray();
        if (labelled.length == 0) {
            return out;
        }
        int[] route = new int[chunk.rowCount()];
        List<String> by = model.scoredBy(chunk.rows(labelled));
        for (int j = 0; j < labelled.length; j++) {
            route[labelled[j]] = index.get(by.get(j));
        }
        Map<SegmentKey, int[]> groups = read.grouping().groups(chunk);
        Kind kind = read.fit().kind();
        List<Segment> segments = model.segments();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            int[] r = s.trained() ? withTarget(groups.getOrDefault(s.key(), new int[0]), y) : new int[0];
            if (r.length == 0) {
                continue;
            }
            double[] scores = s.model().predictScore(chunk, r);
            double[] values = kind == Kind.CLASSIFIER ? kind.values(s.model(), chunk, r) : null; // what the AUC reads
            for (int j = 0; j < r.length; j++) {
                out.computeIfAbsent(new SortedCounts.Key(group(i, route[r[j]] == i ? SERVED : OWN), scores[j]),
                        k -> new long[2])[0]++;
                if (values != null) {
                    out.computeIfAbsent(new SortedCounts.Key(group(i, PROBA), values[j]), k -> new long[2])[(int) y[r[j]]]++;
                }
            }
        }
        return out;
    }

    /** A regressor's sums of squares per trained segment over its rows: [residual, total about {@code means}]. */
    private Map<SegmentKey, double[]> squares(JavaSparkContext sc, PartitionedModel<?> routed,
                                              Map<SegmentKey, Double> means) {
        Shipped<byte[], PartitionedModel<?>> routing = routing(sc, routed);
        List<SegmentKey> trained = routed.segments().stream().filter(Segment::trained).map(Segment::key).toList();
        try {
            return perSegment(trained, (key, chunk, r, y) -> {
                TransparentModel model = routing.get().segment(key).model();
                double[] fitted = Kind.REGRESSOR.values(model, chunk, r);
                double mean = means.getOrDefault(key, Double.NaN);
                double[] sq = new double[2];
                for (int j = 0; j < r.length; j++) {
                    sq[0] += (y[j] - fitted[j]) * (y[j] - fitted[j]);
                    sq[1] += (y[j] - mean) * (y[j] - mean);
                }
                return sq;
            }, (x, z) -> new double[] {x[0] + z[0], x[1] + z[1]});
        } finally {
            routing.destroy();
        }
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
