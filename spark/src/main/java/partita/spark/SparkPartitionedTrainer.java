package partita.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import partita.PartitaException;
import partita.eval.Metrics;
import partita.model.CalibrationBins;
import partita.model.ClassifierModel;
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
        SparkTables.indices(data.schema(), names, "column of the data");
        List<Object> labels = SparkTraining.labels(data, target);
        SparkPasses passes = new SparkPasses(data.javaRDD(), data.schema(), names, SparkPasses.segments(spec), target,
                features, labels);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        List<KeyType> keyTypes = Segmentation.of(spec, passes.emptyChunk()).sources(); // from the schema alone

        Map<SegmentKey, SegmentCounts> counts = passes.counts();
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
        fits.forEach((key, plan) -> fit(plan, counts.get(key), target, labels, p -> {
            provisional.put(key, p);
            return CalibrationBins.empty();
        }));
        Map<SegmentKey, CalibrationBins> bins = passes.calibrationBins(sc, provisional);
        Map<SegmentKey, ClassifierModel> models = new LinkedHashMap<>();
        Map<SegmentKey, Long> millis = new HashMap<>();
        fits.forEach((key, plan) -> {
            long start = System.nanoTime();
            models.put(key, fit(plan, counts.get(key), target, labels,
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
        PartitionedModel<ClassifierModel> routed = PartitionedModel.restore(kept, target, features, keyTypes, segments);
        SparkPasses.Finals finals = passes.finals(sc, routed);
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
        return PartitionedModel.restore(kept, target, features, keyTypes, done);
    }

    private ClassifierModel fit(SegmentPlanner.Plan plan, SegmentCounts counts, String target,
                                List<Object> labels, java.util.function.Function<ClassifierModel, CalibrationBins> bins) {
        XClassifier estimator = (XClassifier) settings.estimator().withParams(plan.params());
        return estimator.fit(target, labels, counts.of(plan.features()), bins);
    }
}
