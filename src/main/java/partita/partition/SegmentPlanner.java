package partita.partition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import partita.PartitaException;
import partita.model.Kind;
import partita.model.Params;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.SegmentNames;

/**
 * What training does with each segment before any fit, from facts about its rows alone (count,
 * target moments, constant features): too small, failed (no target, one class, nothing to
 * learn), rejected by the guard, or fitted with these parameters and features. The one place of
 * these rules, whether the facts come from rows in memory or from counts aggregated elsewhere.
 */
public final class SegmentPlanner {

    /** What to do with a segment: {@code status} null means fit it; {@code reason} is a note then. */
    public record Plan(SegmentStatus status, String reason, Params params, List<String> features) {
    }

    private final PartitionedTrainer<?> cfg;
    private final PartitionSpec spec;
    private final String target;
    private final List<Object> labels;
    private final List<String> features;
    private final Map<SegmentKey, Map<String, Object>> overrides = new HashMap<>();
    private final Map<SegmentKey, List<String>> segmentFeatures = new HashMap<>();

    /**
     * A planner for the segments {@code keys} (every key training will see), resolving the
     * trainer's per-segment settings from names to keys; unknown segments and features are refused.
     *
     * @param labels the classifier's labels (for messages), empty for a regressor
     */
    public SegmentPlanner(PartitionedTrainer<?> cfg, String target, List<Object> labels, List<String> features,
                          Set<SegmentKey> keys) {
        this.cfg = cfg;
        this.spec = cfg.spec();
        this.target = target;
        this.labels = List.copyOf(labels);
        this.features = List.copyOf(features);
        Map<String, SegmentKey> byName = new LinkedHashMap<>();
        keys.forEach(k -> byName.put(k.name(), k));
        for (String name : cfg.configuredSegments()) {
            SegmentKey key = SegmentNames.find(name, byName);
            Map<String, Object> ov = cfg.overrides().get(name);
            if (ov != null) {
                overrides.put(key, ov);
            }
            List<String> sub = cfg.segmentFeatures().get(name);
            if (sub != null) {
                for (String f : sub) {
                    if (spec.columns().contains(f)) {
                        throw new PartitaException("'" + f + "' in the features of segment '" + name + "' is a "
                                + "partition column, so it cannot be a feature. Remove it.");
                    }
                    if (!features.contains(f)) {
                        throw PartitaException.unknownName("feature", f, features);
                    }
                }
                segmentFeatures.put(key, sub);
            }
        }
    }

    /** The features of a segment's model: its own subset, else the partitioned model's. */
    public List<String> features(SegmentKey key) {
        return segmentFeatures.getOrDefault(key, features);
    }

    /**
     * The plan of one segment, its reason carrying the notes a summary shows (rows left out for a
     * missing target, then {@code note}). A {@code __dataset__} that cannot be trained is an error:
     * every fallback row needs it.
     *
     * @param missingTarget rows of the segment without a target (left out)
     * @param note          a further note for a segment that is fitted ("" for none)
     */
    public Plan plan(SegmentKey key, int n, int missingTarget, double mean, double variance,
                     Function<List<String>, List<String>> constantFeatures, double datasetVariance, String rejection,
                     String note) {
        Plan p = decide(key, n, mean, variance, constantFeatures, datasetVariance, rejection);
        String missing = missingTarget > 0 ? missingTarget + " rows without a target left out" : "";
        if (p.status() != null) {
            if (key.isDataset()) {
                throw new PartitaException("The __dataset__ model cannot be trained: " + p.reason() + ". Every "
                        + "fallback row needs it; check the target and the features.");
            }
            return new Plan(p.status(), join(p.reason(), missing), p.params(), p.features());
        }
        return new Plan(null, join(join(p.reason(), missing), note), p.params(), p.features());
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /**
     * The plan of one segment, before notes.
     *
     * @param n                rows with a target
     * @param mean             target mean (classifier: positive rate)
     * @param variance         target variance (population)
     * @param constantFeatures which of the given features have one value (missing counting as a value) in its rows
     * @param datasetVariance  the variance of {@code __dataset__}, for the auto policy
     * @param rejection        the guard's reason to reject it, or null
     */
    private Plan decide(SegmentKey key, int n, double mean, double variance,
                       Function<List<String>, List<String>> constantFeatures, double datasetVariance, String rejection) {
        List<String> feats = features(key);
        if (n == 0) {
            return new Plan(SegmentStatus.FAILED, "target '" + target + "' is missing in all its rows", null, feats);
        }
        if (!key.isDataset()) {
            int min = spec.levels().get(key.depth() - 1).minSize();
            if (n < min) {
                return new Plan(SegmentStatus.TOO_SMALL, n + " rows < min_size " + min, null, feats);
            }
        }
        Params p = cfg.policy().params(cfg.params(), n, variance / datasetVariance);
        Map<String, Object> ov = overrides.get(key);
        if (ov != null) {
            p = p.with(ov);
        }
        if (variance == 0) {
            String what = cfg.kind() == Kind.CLASSIFIER
                    ? "only one class (" + labels.get((int) mean) + ") among its " + n + " rows"
                    : "the target is constant (" + mean + ") in all its " + n + " rows";
            return new Plan(SegmentStatus.FAILED, what, p, feats);
        }
        List<String> constant = constantFeatures.apply(feats);
        if (constant.size() == feats.size()) {
            return new Plan(SegmentStatus.FAILED, "every feature is constant in its rows ("
                    + String.join(", ", constant) + "): nothing to learn", p, feats);
        }
        if (rejection != null) {
            return new Plan(SegmentStatus.REJECTED, rejection, p, feats);
        }
        return new Plan(null, constant.isEmpty() ? "" : "constant here: " + String.join(", ", constant), p, feats);
    }
}
