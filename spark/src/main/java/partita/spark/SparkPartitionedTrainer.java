package partita.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import partita.PartitaException;
import partita.eval.Metrics;
import partita.io.ModelFiles;
import partita.model.CalibrationBins;
import partita.model.ClassifierModel;
import partita.model.Labels;
import partita.model.TrainingData;
import partita.model.XClassifier;
import partita.partition.Moments;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.ScoreReference;
import partita.partition.Segment;
import partita.partition.SegmentPlanner;
import partita.partition.SegmentStatus;
import partita.partition.segment.KeyType;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.Segmentation;
import tech.tablesaw.api.Table;

/**
 * Partitioned training on Spark: the same {@link PartitionedModel} as
 * {@link PartitionedTrainer#fit} gives on the same rows, built from statistics Spark aggregates,
 * never from collected rows. One pass counts, per segment (every prefix of every row's path, and
 * {@code __dataset__}) and feature, each distinct value's rows and positives; the driver decides
 * each segment with the engine's {@link SegmentPlanner} and grows its model from the counts; one
 * pass bins the scores of all provisional models for their calibration maps; a last pass counts
 * the probabilities (training AUC) and the scores each model serves (drift reference).
 *
 * <p>This version trains reference classifiers ({@code XClassifier}, not optimised) with the
 * trainer's parameters, policy, per-segment overrides and feature subsets, on any spec
 * (hierarchies, value mappings, derived date levels, minimum sizes). The features must be named
 * ({@code trainer.features(list)}): the local default leaves out id-like columns by reading
 * every row. Guarded routing is refused (its held-out draw follows a row order Spark does not
 * have). The model keeps no training rows, as a loaded model.
 */
public final class SparkPartitionedTrainer {

    private final PartitionedTrainer<ClassifierModel> settings;

    private SparkPartitionedTrainer(PartitionedTrainer<ClassifierModel> settings) {
        this.settings = settings;
    }

    /** Trains as {@code settings} would in a notebook (its estimator, spec, policy, overrides, features). */
    public static SparkPartitionedTrainer of(PartitionedTrainer<ClassifierModel> settings) {
        if (!(settings.estimator() instanceof XClassifier) || settings.params().optimise()) {
            throw new PartitaException("Partitioned training on Spark fits reference classifiers (XClassifier without"
                    + " optimise) for now; train optimised models and regressors in process.");
        }
        if (settings.guard() != null) {
            throw new PartitaException("Guarded routing is not available on Spark: its held-out rows are drawn in row"
                    + " order, which a Dataset does not have. Leave guarded(...) out, or train in process.");
        }
        if (settings.features() == null) {
            throw new PartitaException("Name the features to train on Spark: trainer.features(List.of(...)). The"
                    + " in-process default leaves out id-like columns by reading every row.");
        }
        return new SparkPartitionedTrainer(settings);
    }

    public static SparkPartitionedTrainer of(XClassifier estimator, PartitionSpec spec, List<String> features) {
        return of(PartitionedTrainer.of(estimator, spec).features(features));
    }

    public PartitionedModel<ClassifierModel> fit(Dataset<Row> data, String target) {
        PartitionSpec spec = settings.spec();
        List<String> features = settings.features();
        for (String f : features) {
            if (spec.columns().contains(f)) {
                throw new PartitaException("'" + f + "' is a partition column, so it cannot be a feature. Remove it"
                        + " from the features.");
            }
        }
        if (spec.columns().contains(target)) {
            throw new PartitaException("The target '" + target + "' is also a partition column. Partition by other"
                    + " columns: a segment's target would be constant.");
        }
        List<String> names = new ArrayList<>();
        spec.columns().forEach(c -> {
            if (!names.contains(c)) {
                names.add(c);
            }
        });
        names.addAll(features);
        names.add(target);
        StructType schema = data.schema();
        int[] at = SparkTables.indices(schema, names, "column of the data");
        List<Object> labels = SparkTraining.labels(data, target);
        JavaRDD<Row> rows = data.javaRDD();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());

        Counted counted = rows.mapPartitions((Iterator<Row> it) -> {
            Counted c = null;
            for (Table chunk : SparkTraining.chunks(schema, names, at, it)) {
                Counted one = count(chunk, spec, target, features, labels);
                c = c == null ? one : c.merge(one);
            }
            return c == null ? List.<Counted>of().iterator() : List.of(c).iterator();
        }).treeReduce(Counted::merge);

        Map<SegmentKey, SegmentCounts> counts = counted.counts();
        List<SegmentKey> keys = new ArrayList<>(counts.keySet());
        keys.sort(Comparator.comparing((SegmentKey k) -> !k.isDataset()).thenComparing(spec.order()));
        SegmentPlanner planner = new SegmentPlanner(settings, target, labels, features, counts.keySet());
        SegmentCounts all = counts.get(SegmentKey.DATASET);
        if (all.rows() == 0) {
            throw new PartitaException("Every row of '" + target + "' is missing: there is nothing to train on. "
                    + "Pass rows with a target value.");
        }
        double datasetVariance = Moments.binary(all.rows(), all.positives()).variance();

        Map<SegmentKey, SegmentPlanner.Plan> fits = new LinkedHashMap<>();
        Map<SegmentKey, Segment> decided = new HashMap<>();
        for (SegmentKey key : keys) {
            SegmentCounts c = counts.get(key);
            Moments m = Moments.binary(c.rows(), c.positives());
            SegmentPlanner.Plan plan = planner.plan(key, c.rows(), c.missingTarget(), m.mean(), m.variance(),
                    c.rows() == 0 ? f -> List.of() : c::constant, datasetVariance, null, "");
            if (plan.status() != null) {
                decided.put(key, new Segment(key, plan.status(), plan.reason(), c.rows(), plan.params(), plan.features(),
                        null, 0, Double.NaN, null));
            } else {
                fits.put(key, plan);
            }
        }

        // provisional models (leaves and scores final), then one pass bins all their scores
        Map<SegmentKey, ClassifierModel> provisional = new LinkedHashMap<>();
        fits.forEach((key, plan) -> fit(key, plan, counts.get(key), target, labels, p -> {
            provisional.put(key, p);
            return CalibrationBins.empty();
        }));
        Map<SegmentKey, CalibrationBins> bins = calibrationBins(rows, sc, provisional, spec, schema, names, at, target,
                labels);
        Map<SegmentKey, ClassifierModel> models = new LinkedHashMap<>();
        Map<SegmentKey, Long> millis = new HashMap<>();
        fits.forEach((key, plan) -> {
            long start = System.nanoTime();
            models.put(key, fit(key, plan, counts.get(key), target, labels,
                    p -> bins.getOrDefault(key, CalibrationBins.empty())));
            millis.put(key, (System.nanoTime() - start) / 1_000_000);
        });

        // the model without metrics and references routes rows as the final one does
        PartitionedTrainer<ClassifierModel> kept = settings.features(features);
        List<Segment> segments = new ArrayList<>();
        for (SegmentKey key : keys) {
            SegmentPlanner.Plan plan = fits.get(key);
            segments.add(plan == null ? decided.get(key) : new Segment(key, SegmentStatus.TRAINED, plan.reason(),
                    counts.get(key).rows(), plan.params(), plan.features(), models.get(key), millis.get(key), Double.NaN,
                    null));
        }
        PartitionedModel<ClassifierModel> routed = PartitionedModel.restore(kept, target, features, counted.keyTypes(),
                segments);
        Finals finals = finals(rows, sc, routed, spec, schema, names, at, target, labels);
        List<Segment> done = new ArrayList<>();
        for (Segment s : segments) {
            if (!s.trained()) {
                done.add(s);
                continue;
            }
            Map<Double, long[]> p = finals.proba().getOrDefault(s.key(), new TreeMap<>());
            double auc = Metrics.auc(p.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    p.values().stream().mapToLong(v -> v[0]).toArray(), p.values().stream().mapToLong(v -> v[1]).toArray());
            Map<Double, long[]> scores = finals.served().containsKey(s.key()) ? finals.served().get(s.key())
                    : finals.own().get(s.key());
            ScoreReference ref = ScoreReference.of(scores.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    scores.values().stream().mapToLong(v -> v[0]).toArray());
            done.add(new Segment(s.key(), s.status(), s.reason(), s.rows(), s.params(), s.features(), s.model(),
                    s.fitMillis(), auc, ref));
        }
        return PartitionedModel.restore(kept, target, features, counted.keyTypes(), done);
    }

    private ClassifierModel fit(SegmentKey key, SegmentPlanner.Plan plan, SegmentCounts counts, String target,
                                List<Object> labels, java.util.function.Function<ClassifierModel, CalibrationBins> bins) {
        XClassifier estimator = (XClassifier) settings.estimator().withParams(plan.params());
        return estimator.fit(target, labels, counts.of(plan.features()), bins);
    }

    /** The counts of one chunk, per segment key, with the kind of each level's keys. */
    record Counted(Map<SegmentKey, SegmentCounts> counts, List<KeyType> keyTypes) implements java.io.Serializable {
        Counted merge(Counted other) {
            if (!keyTypes.equals(other.keyTypes)) {
                throw new PartitaException("The partition columns hold different kinds of values in different parts of"
                        + " the data (" + keyTypes + " and " + other.keyTypes + "). Cast them to one type first.");
            }
            Map<SegmentKey, SegmentCounts> out = new HashMap<>(counts);
            other.counts.forEach((k, v) -> out.merge(k, v, SegmentCounts::merge));
            return new Counted(out, keyTypes);
        }
    }

    private static Counted count(Table chunk, PartitionSpec spec, String target, List<String> features,
                                 List<Object> labels) {
        Segmentation seg = Segmentation.of(spec, chunk);
        double[] y = Labels.read(chunk.column(target), labels);
        Map<SegmentKey, SegmentCounts> out = new HashMap<>();
        seg.groups(null).forEach((key, r) -> {
            int[] with = java.util.Arrays.stream(r).filter(i -> !Double.isNaN(y[i])).toArray();
            double positives = 0;
            for (int i : with) {
                positives += y[i];
            }
            out.put(key, new SegmentCounts(with.length, r.length - with.length, positives, with.length == 0 ? null
                    : TrainingData.classifierCounts(chunk.rows(with), target, features, labels)));
        });
        return new Counted(out, seg.sources());
    }

    /** One pass: per provisional model, the calibration bins of its scores over its segment's rows with a target. */
    private static Map<SegmentKey, CalibrationBins> calibrationBins(JavaRDD<Row> rows, JavaSparkContext sc,
            Map<SegmentKey, ClassifierModel> models, PartitionSpec spec, StructType schema, List<String> names,
            int[] at, String target, List<Object> labels) {
        Broadcast<Map<SegmentKey, byte[]>> shipped = sc.broadcast(bytes(models));
        return rows.mapPartitions((Iterator<Row> it) -> {
            Map<SegmentKey, ClassifierModel> read = read(shipped.value());
            Map<SegmentKey, CalibrationBins> acc = new HashMap<>();
            for (Table chunk : SparkTraining.chunks(schema, names, at, it)) {
                double[] y = Labels.read(chunk.column(target), labels);
                Map<SegmentKey, int[]> groups = Segmentation.of(spec, chunk).groups(null);
                read.forEach((key, model) -> {
                    int[] r = withTarget(groups.get(key), y);
                    if (r != null) {
                        acc.merge(key, CalibrationBins.of(model.predictScore(chunk.rows(r)), pick(y, r)),
                                CalibrationBins::merge);
                    }
                });
            }
            return List.of(acc).iterator();
        }).treeReduce((a, b) -> {
            Map<SegmentKey, CalibrationBins> m = new HashMap<>(a);
            b.forEach((k, v) -> m.merge(k, v, CalibrationBins::merge));
            return m;
        });
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

    private static Finals finals(JavaRDD<Row> rows, JavaSparkContext sc, PartitionedModel<ClassifierModel> routed,
                                 PartitionSpec spec, StructType schema,
                                 List<String> names, int[] at, String target, List<Object> labels) {
        Broadcast<byte[]> routing = sc.broadcast(ModelFiles.toBytes(routed));
        return rows.mapPartitions((Iterator<Row> it) -> {
            PartitionedModel<?> model = ModelFiles.fromBytes(routing.value(), PartitionedModel.class);
            Map<String, SegmentKey> byName = new HashMap<>();
            model.segments().forEach(s -> byName.put(s.name(), s.key()));
            Finals f = new Finals(new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (Table chunk : SparkTraining.chunks(schema, names, at, it)) {
                double[] y = Labels.read(chunk.column(target), labels);
                Map<SegmentKey, int[]> groups = Segmentation.of(spec, chunk).groups(null);
                Map<SegmentKey, Map<Double, long[]>> proba = new HashMap<>();
                Map<SegmentKey, Map<Double, long[]>> own = new HashMap<>();
                for (Segment s : model.segments()) {
                    int[] r = s.trained() ? withTarget(groups.get(s.key()), y) : null;
                    if (r == null) {
                        continue;
                    }
                    ClassifierModel m = (ClassifierModel) s.model();
                    Table t = chunk.rows(r);
                    double[] p = m.predictProba(t);
                    double[] scores = m.predictScore(t);
                    for (int i = 0; i < r.length; i++) {
                        proba.computeIfAbsent(s.key(), k -> new TreeMap<>()).computeIfAbsent(p[i], k -> new long[2])
                                [(int) y[r[i]]]++;
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

    private static Map<SegmentKey, byte[]> bytes(Map<SegmentKey, ClassifierModel> models) {
        Map<SegmentKey, byte[]> out = new HashMap<>();
        models.forEach((k, m) -> out.put(k, ModelFiles.toBytes(m)));
        return out;
    }

    private static Map<SegmentKey, ClassifierModel> read(Map<SegmentKey, byte[]> bytes) {
        Map<SegmentKey, ClassifierModel> out = new HashMap<>();
        bytes.forEach((k, b) -> out.put(k, ModelFiles.fromBytes(b, ClassifierModel.class)));
        return out;
    }

    /** The rows of a group that have a target, or null when none do (or there is no group). */
    private static int[] withTarget(int[] group, double[] y) {
        if (group == null) {
            return null;
        }
        int[] r = java.util.Arrays.stream(group).filter(i -> !Double.isNaN(y[i])).toArray();
        return r.length == 0 ? null : r;
    }

    private static double[] pick(double[] y, int[] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(i -> y[i]).toArray();
    }

}
