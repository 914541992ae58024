package partita.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import partita.PartitaException;
import partita.model.Estimator;
import partita.model.Kind;
import partita.model.Params;
import partita.model.TransparentModel;
import partita.partition.segment.PartitionSpec;
import tech.tablesaw.api.Table;

/**
 * The partitioned meta-estimator: wraps any {@link Estimator} and fits it on every segment of a
 * {@link PartitionSpec} plus a {@code __dataset__} model on all rows. Immutable; every setter
 * returns a new trainer.
 *
 * <pre>
 * PartitionedModel&lt;ClassifierModel&gt; m =
 *     PartitionedTrainer.of(new XClassifier(Params.builder().maxDepth(6).build()), spec)
 *         .override("Husband", p -&gt; p.maxDepth(8))
 *         .features("Husband", "age", "hours_per_week")
 *         .threads(2)
 *         .fit(train, "income");
 * </pre>
 *
 * <p>Features are all columns but the target and the partition columns (partition columns are
 * never features, so a row that falls back gets exactly the score {@code __dataset__} gives it).
 * Rows without a target are left out of training (reported per segment). Segments fit in
 * parallel on a pool of {@link #threads(int)} threads; each fit is deterministic and independent,
 * so the model is identical whatever the thread count. A segment that cannot be trained
 * (one class, all-missing target, nothing to learn, an engine error) gets status FAILED with the
 * reason and its rows fall back; only a failing {@code __dataset__} stops training.
 */
public final class PartitionedTrainer<M extends TransparentModel> {

    private final Estimator<M> estimator;
    private final PartitionSpec spec;
    // set only on a fresh copy inside with(...), before it is returned: instances never change once published
    private Policy policy = Policy.FIXED;
    private List<String> features;
    private Map<String, Map<String, Object>> overrides = Map.of();
    private Map<String, List<String>> segmentFeatures = Map.of();
    private int threads = Runtime.getRuntime().availableProcessors();
    private Guard guard;
    private Consumer<TrainingProgress> progress = p -> { };
    private BooleanSupplier cancel = () -> false;

    /**
     * Guarded routing: {@code holdout} share of the rows (drawn with {@code seed}) is held out; a
     * segment keeps its model only if, trained without them, it beats {@code __dataset__} (also
     * trained without them) on its held-out rows, on the kind's loss ({@link Kind#loss()}: log
     * loss of calibrated probabilities, or RMSE). The kept models are then refitted on all rows.
     */
    public record Guard(double holdout, long seed) {
        public Guard {
            if (!(holdout > 0 && holdout < 1)) {
                throw new PartitaException("The guard's held-out share is " + holdout
                        + "; it must be between 0 and 1 (e.g. 0.2 holds out a fifth of the rows).");
            }
        }
    }

    private PartitionedTrainer(Estimator<M> estimator, PartitionSpec spec) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /**
     * A trainer fitting {@code estimator} (its parameters for every segment) on each segment of
     * {@code spec} and on all rows ({@code __dataset__}): fixed policy, all features, one thread
     * per processor, no guard.
     */
    public static <M extends TransparentModel> PartitionedTrainer<M> of(Estimator<M> estimator, PartitionSpec spec) {
        return new PartitionedTrainer<>(estimator, spec);
    }

    /** A copy with one change applied. */
    private PartitionedTrainer<M> with(Consumer<PartitionedTrainer<M>> change) {
        PartitionedTrainer<M> c = new PartitionedTrainer<>(estimator, spec);
        c.policy = policy;
        c.features = features;
        c.overrides = overrides;
        c.segmentFeatures = segmentFeatures;
        c.threads = threads;
        c.guard = guard;
        c.progress = progress;
        c.cancel = cancel;
        change.accept(c);
        return c;
    }

    /** {@link Policy#FIXED} (default) or {@link Policy#AUTO} (complexity from segment size and variance). */
    public PartitionedTrainer<M> policy(Policy p) {
        Objects.requireNonNull(p, "policy");
        return with(c -> c.policy = p);
    }

    /** The features of every model (null = all columns but target and partition columns, id-like ones left out). */
    public PartitionedTrainer<M> features(List<String> feats) {
        return with(c -> c.features = feats == null ? null : List.copyOf(feats));
    }

    /**
     * Parameters of one segment (by its name, e.g. {@code Husband}, {@code Europe > 4},
     * {@code __dataset__}), set after the policy: {@code override("Husband", p -> p.maxDepth(8))}.
     * The change is kept as the values it assigns, so the model file can hold it; a second
     * override of the same segment adds to the first.
     */
    public PartitionedTrainer<M> override(String segment, UnaryOperator<Params.Builder> change) {
        Map<String, Object> merged = new LinkedHashMap<>(overrides.getOrDefault(segment, Map.of()));
        merged.putAll(Params.assigned(change)); // bad values fail here, not in the middle of training
        Map<String, Map<String, Object>> ov = new LinkedHashMap<>(overrides);
        ov.put(segment, Collections.unmodifiableMap(merged));
        return with(c -> c.overrides = Collections.unmodifiableMap(ov));
    }

    /** The features of one segment's model (a subset of the partitioned model's features). */
    public PartitionedTrainer<M> features(String segment, String... feats) {
        if (feats.length == 0) {
            throw new PartitaException("The feature list of segment '" + segment + "' is empty. Give at least one "
                    + "feature, e.g. features(\"" + segment + "\", \"age\", \"hours_per_week\").");
        }
        Map<String, List<String>> sf = new LinkedHashMap<>(segmentFeatures);
        sf.put(segment, List.of(feats));
        return with(c -> c.segmentFeatures = Collections.unmodifiableMap(sf));
    }

    /** Size of the training pool (default: available processors). The result never depends on it. */
    public PartitionedTrainer<M> threads(int n) {
        if (n < 1) {
            throw new PartitaException("threads(" + n + "): training needs at least 1 thread.");
        }
        return with(c -> c.threads = n);
    }

    /** Guarded routing with a held-out share and seed (see {@link Guard}); doubles the training work. */
    public PartitionedTrainer<M> guarded(double holdout, long seed) {
        Guard g = new Guard(holdout, seed);
        return with(c -> c.guard = g);
    }

    /** Called on the fitting thread after every finished segment fit. */
    public PartitionedTrainer<M> onProgress(Consumer<TrainingProgress> callback) {
        Objects.requireNonNull(callback, "callback");
        return with(c -> c.progress = callback);
    }

    /**
     * Polled between segment fits; when it returns true (or the fitting thread is interrupted)
     * no further segment starts, running fits finish, and fit throws {@link TrainingCancelledException}.
     */
    public PartitionedTrainer<M> cancelWhen(BooleanSupplier signal) {
        Objects.requireNonNull(signal, "signal");
        return with(c -> c.cancel = signal);
    }

    /** Fits every segment and {@code __dataset__} on the rows of {@code data} that have a target. */
    public PartitionedModel<M> fit(Table data, String target) {
        return new TrainingJob<>(this, data, target).fit();
    }

    /**
     * k-fold cross-validated comparison with the single {@code __dataset__} model: rows are
     * shuffled with {@code seed} and dealt into {@code folds} folds; each fold is scored by
     * models trained on the others (with this trainer's settings).
     */
    public CrossValidation crossValidate(Table data, String target, int folds, long seed) {
        return new TrainingJob<>(this, data, target).crossValidate(folds, seed);
    }

    /** The same settings without progress and cancel callbacks (what a fitted model keeps). */
    PartitionedTrainer<M> withoutCallbacks() {
        return with(c -> {
            c.progress = p -> { };
            c.cancel = () -> false;
        });
    }

    public Estimator<M> estimator() {
        return estimator;
    }

    public Kind kind() {
        return estimator.kind();
    }

    public PartitionSpec spec() {
        return spec;
    }

    /** Parameters of every segment (the estimator's) before policy and overrides. */
    public Params params() {
        return estimator.params();
    }

    public Policy policy() {
        return policy;
    }

    /** Given features, or null for all columns but target and partition columns. */
    public List<String> features() {
        return features;
    }

    public int threads() {
        return threads;
    }

    /** Per-segment parameter overrides: segment name to the values set. */
    public Map<String, Map<String, Object>> overrides() {
        return overrides;
    }

    /** Per-segment feature subsets. */
    public Map<String, List<String>> segmentFeatures() {
        return segmentFeatures;
    }

    /** The guard, or null for plain routing. */
    public Guard guard() {
        return guard;
    }

    Consumer<TrainingProgress> progress() {
        return progress;
    }

    boolean cancelled() {
        return cancel.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /** Segment names that have overrides or feature subsets. */
    List<String> configuredSegments() {
        List<String> out = new ArrayList<>(overrides.keySet());
        segmentFeatures.keySet().stream().filter(s -> !out.contains(s)).forEach(out::add);
        return out;
    }
}
