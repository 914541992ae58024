package partita.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import partita.PartitaException;
import partita.model.SplitStats;
import partita.model.TransparentModel;
import partita.partition.Moments;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
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
 * {@code __dataset__}) and feature, each distinct value's rows and target sum; a numeric feature's
 * values are sorted by Spark and thinned to candidate splits on the executors
 * ({@link NumericCandidates}), so the driver holds candidates, not values; it decides each segment
 * with the engine's {@link SegmentPlanner} and grows its model from those statistics; one
 * pass computes what every reference model needs over its rows (a classifier's score bins for its
 * calibration map, a regressor's leaf counts for its ridge step); optimised segments
 * ({@code optimise=true}) are fitted level by level by the engine's own solver, each pulled toward
 * its nearest fitted ancestor as in process, with one pass per Newton step for all the segments
 * of a level ({@link SparkOptimise}); a last pass computes the training metric (AUC or R²) and the
 * scores each model serves (drift reference), counted and sorted by Spark.
 *
 * <p>{@code XClassifier} and {@code XRegressor} train with the trainer's parameters, policy,
 * per-segment overrides and feature subsets, on any spec (hierarchies, value mappings, derived
 * date levels, minimum sizes). A reference classifier is bit for bit the in-process one; a
 * regressor's sums of doubles merge in another order, so its predictions agree within 1e-12 relative;
 * an optimised model has the same leaves and penalty, and scores within 1e-7 (the solver stops
 * within that of the optimum either way). Every run gives the same bits: partitions merge in their
 * order. The features must be named ({@code trainer.features(list)}): the local default leaves out
 * id-like columns by reading every row. Guarded routing is refused (its held-out draw follows a row
 * order Spark does not have). The model keeps no training rows, as a loaded model.
 *
 * @param <M> the segment model type
 */
public final class SparkPartitionedTrainer<M extends TransparentModel> {

    private final PartitionedTrainer<M> settings;
    private final CountedFit<M, ?> counted;

    private SparkPartitionedTrainer(PartitionedTrainer<M> settings, CountedFit<M, ?> counted) {
        this.settings = settings;
        this.counted = counted;
    }

    /** Trains as {@code settings} would in a notebook (its estimator, spec, policy, overrides, features). */
    public static <M extends TransparentModel> SparkPartitionedTrainer<M> of(PartitionedTrainer<M> settings) {
        CountedFit<M, ?> counted = CountedFit.of(settings.estimator());
        if (settings.guard() != null) {
            throw new PartitaException("Guarded routing is not available on Spark: its held-out rows are drawn in row"
                    + " order, which a Dataset does not have. Leave guarded(...) out, or train in process.");
        }
        if (settings.features() == null) {
            throw new PartitaException("Name the features to train on Spark: trainer.features(List.of(...)). The"
                    + " in-process default leaves out id-like columns by reading every row.");
        }
        return new SparkPartitionedTrainer<>(settings, counted);
    }

    public PartitionedModel<M> fit(Dataset<Row> data, String target) {
        return fit(counted, data, target);
    }

    private <S extends Serializable> PartitionedModel<M> fit(CountedFit<M, S> fit, Dataset<Row> data, String target) {
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
        List<Object> labels = SparkTraining.labels(fit.kind(), data, target);
        SparkPasses passes = new SparkPasses(data.javaRDD(), data.schema(), names, SparkPasses.segments(spec), target,
                features, labels, fit);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        List<KeyType> keyTypes = Segmentation.of(spec, passes.emptyChunk()).sources(); // from the schema alone

        try (SparkPasses.Counted counted = passes.counts(sc)) {
            return fit(fit, passes, sc, counted, keyTypes, target, labels);
        }
    }

    private <S extends Serializable> PartitionedModel<M> fit(CountedFit<M, S> fit, SparkPasses passes,
                                                              JavaSparkContext sc, SparkPasses.Counted counted,
                                                              List<KeyType> keyTypes, String target, List<Object> labels) {
        PartitionSpec spec = settings.spec();
        List<String> features = settings.features();
        Map<SegmentKey, SegmentCounts> counts = counted.segments();
        List<SegmentKey> keys = new ArrayList<>(counts.keySet());
        keys.sort(Comparator.comparing((SegmentKey k) -> !k.isDataset()).thenComparing(spec.order()));
        SegmentPlanner planner = new SegmentPlanner(settings, target, labels, features, counts.keySet());
        SegmentCounts all = counts.get(SegmentKey.DATASET);
        if (all.rows() == 0) {
            throw new PartitaException("Every row of '" + target + "' is missing: there is nothing to train on. "
                    + "Pass rows with a target value.");
        }
        double datasetVariance = fit.moments(all.rows(), all.targetSum(), all.moments()).variance();

        Map<SegmentKey, SegmentPlanner.Plan> fits = new LinkedHashMap<>();
        Map<SegmentKey, Segment> decided = new HashMap<>();
        Map<SegmentKey, Double> means = new HashMap<>();
        for (SegmentKey key : keys) {
            SegmentCounts c = counts.get(key);
            Moments m = fit.moments(c.rows(), c.targetSum(), c.moments());
            means.put(key, m.mean());
            SegmentPlanner.Plan plan = planner.plan(key, c.rows(), c.missingTarget(), m.mean(), m.variance(),
                    c.rows() == 0 ? f -> List.of() : f -> counted.constant(key, f), datasetVariance, null, "");
            if (plan.status() != null) {
                decided.put(key, new Segment(key, plan.status(), plan.reason(), c.rows(), plan.params(), plan.features(),
                        null, 0, Double.NaN, null));
            } else {
                fits.put(key, plan);
            }
        }

        // grown models (leaves final; the reference method's for an optimised one, whose scores the optimise
        // step replaces), then one pass computes what each reference model needs to be fitted
        Map<SegmentKey, Map.Entry<List<String>, Double>> asked = new LinkedHashMap<>();
        fits.forEach((key, plan) -> asked.put(key, Map.entry(plan.features(), plan.params().alpha())));
        Map<SegmentKey, List<SplitStats>> stats = counted.stats(asked);
        Map<SegmentKey, M> grown = new LinkedHashMap<>();
        Map<SegmentKey, Long> millis = new HashMap<>();
        fits.forEach((key, plan) -> {
            long start = System.nanoTime();
            grown.put(key, fit.grow(SparkTraining.leavesOnly(plan.params()), target, labels, plan.features(),
                    stats.get(key), counts.get(key).targetSum()));
            millis.put(key, (System.nanoTime() - start) / 1_000_000);
        });
        Map<SegmentKey, M> reference = new LinkedHashMap<>();
        grown.forEach((key, m) -> {
            if (!fits.get(key).params().optimise()) {
                reference.put(key, m);
            }
        });
        Map<SegmentKey, S> second = passes.second(sc, fit, reference);
        Map<SegmentKey, M> fitted = new HashMap<>();
        reference.forEach((key, m) -> fitted.put(key, fit.fit(fits.get(key).params(), m, second.get(key))));
        // optimised segments level by level, each pulled toward its nearest fitted ancestor
        int deepest = fits.keySet().stream().mapToInt(SegmentKey::depth).max().orElse(0);
        for (int depth = 0; depth <= deepest; depth++) {
            List<SparkOptimise.Task<M>> tasks = new ArrayList<>();
            for (Map.Entry<SegmentKey, SegmentPlanner.Plan> e : fits.entrySet()) {
                SegmentKey key = e.getKey();
                if (key.depth() == depth && e.getValue().params().optimise()) {
                    SegmentCounts c = counts.get(key);
                    tasks.add(new SparkOptimise.Task<>(key, grown.get(key), e.getValue().params(),
                            key.isDataset() ? null : key.nearestAncestor(fitted), c.rows(), c.targetSum()));
                }
            }
            fitted.putAll(SparkOptimise.fit(sc, passes, tasks));
        }
        List<Segment> segments = new ArrayList<>();
        for (SegmentKey key : keys) {
            SegmentPlanner.Plan plan = fits.get(key);
            segments.add(plan == null ? decided.get(key) : new Segment(key, SegmentStatus.TRAINED, plan.reason(),
                    counts.get(key).rows(), plan.params(), plan.features(), fitted.get(key), millis.get(key),
                    Double.NaN, null));
        }

        // the model without metrics and references routes rows as the final one does
        PartitionedTrainer<M> kept = settings.features(features);
        PartitionedModel<M> routed = PartitionedModel.restore(kept, target, features, keyTypes, segments);
        SparkPasses.Finals finals = passes.finals(sc, routed, means);
        List<Segment> done = new ArrayList<>();
        for (Segment s : segments) {
            done.add(!s.trained() ? s : new Segment(s.key(), s.status(), s.reason(), s.rows(), s.params(),
                    s.features(), s.model(), s.fitMillis(), finals.metric().get(s.key()),
                    finals.reference().get(s.key())));
        }
        return PartitionedModel.restore(kept, target, features, keyTypes, done);
    }
}
