package partita.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import partita.PartitaException;
import partita.model.Params;
import tech.tablesaw.api.Table;

/**
 * Trains partitioned models: a {@code __dataset__} model on all rows plus one model per segment
 * of a {@link PartitionSpec}. Immutable; every setter returns a new trainer.
 *
 * <pre>
 * PartitionedClassifier m = Partitioner.of(PartitionSpec.by("relationship").minSize(500))
 *         .params(Params.builder().maxDepth(6).build())
 *         .override("Husband", "max_depth=8")
 *         .threads(4)
 *         .fitClassifier(adult, "income");
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
public final class Partitioner {

    private final PartitionSpec spec;
    // set only on a fresh copy inside with(...), before it is returned: instances never change once published
    private Params params = Params.defaults();
    private Policy policy = Policy.FIXED;
    private List<String> features;
    private Map<String, Map<String, String>> overrides = Map.of();
    private Map<String, List<String>> segmentFeatures = Map.of();
    private int threads = Runtime.getRuntime().availableProcessors();
    private Guard guard;
    private Consumer<TrainingProgress> progress = p -> { };
    private BooleanSupplier cancel = () -> false;

    /**
     * Guarded routing: {@code holdout} share of the rows (drawn with {@code seed}) is held out; a
     * segment keeps its model only if, trained without them, it beats {@code __dataset__} (also
     * trained without them) on its held-out rows: lower log loss of calibrated probabilities
     * (classifier) or lower RMSE (regressor). The kept models are then refitted on all rows.
     */
    record Guard(double holdout, long seed) {
        Guard {
            if (!(holdout > 0 && holdout < 1)) {
                throw new PartitaException("The guard's held-out share is " + holdout
                        + "; it must be between 0 and 1 (e.g. 0.2 holds out a fifth of the rows).");
            }
        }
    }

    private Partitioner(PartitionSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** Default parameters, fixed policy, all features, one thread per processor, no guard. */
    public static Partitioner of(PartitionSpec spec) {
        return new Partitioner(spec);
    }

    /** The same settings on other segments. */
    public Partitioner withSpec(PartitionSpec other) {
        return with(other, c -> { });
    }

    /** A copy with one change applied. */
    private Partitioner with(Consumer<Partitioner> change) {
        return with(spec, change);
    }

    private Partitioner with(PartitionSpec s, Consumer<Partitioner> change) {
        Partitioner c = new Partitioner(s);
        c.params = params;
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

    /** Parameters of every segment (and of {@code __dataset__}) before policy and overrides. */
    public Partitioner params(Params p) {
        Objects.requireNonNull(p, "params");
        return with(c -> c.params = p);
    }

    /** {@link Policy#FIXED} (default) or {@link Policy#AUTO} (complexity from segment size and variance). */
    public Partitioner policy(Policy p) {
        Objects.requireNonNull(p, "policy");
        return with(c -> c.policy = p);
    }

    /** The features of every model (null = all columns but target and partition columns). */
    public Partitioner features(List<String> feats) {
        return with(c -> c.features = feats == null ? null : List.copyOf(feats));
    }

    /**
     * Parameter overrides for one segment (by its name, e.g. {@code Husband}, {@code Europe > 4},
     * {@code __dataset__}), applied after the policy: {@code {"max_depth": 10}}.
     */
    public Partitioner override(String segment, Map<String, ?> settings) {
        Map<String, String> checked = new LinkedHashMap<>(overrides.getOrDefault(segment, Map.of()));
        settings.forEach((k, v) -> checked.put(Params.canonicalName(k), String.valueOf(v)));
        Params.Builder probe = Params.builder();
        checked.forEach(probe::set);
        probe.build(); // bad names, numbers and bounds fail here, not in the middle of training
        Map<String, Map<String, String>> ov = new LinkedHashMap<>(overrides);
        ov.put(segment, Collections.unmodifiableMap(checked));
        return with(c -> c.overrides = Collections.unmodifiableMap(ov));
    }

    /** Overrides written as words: {@code override("urban", "max_depth=10 min_info_gain=0.001")}. */
    public Partitioner override(String segment, String settings) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] kv : Words.pairs(settings, "overrides of segment '" + segment + "'")) {
            m.put(kv[0], kv[1]);
        }
        return override(segment, m);
    }

    /** A feature subset for one segment (a subset of the partitioned model's features). */
    public Partitioner features(String segment, List<String> feats) {
        if (feats == null || feats.isEmpty()) {
            throw new PartitaException("The feature list of segment '" + segment + "' is empty. Give at least one "
                    + "feature, e.g. features=age,hours_per_week.");
        }
        Map<String, List<String>> sf = new LinkedHashMap<>(segmentFeatures);
        sf.put(segment, List.copyOf(feats));
        return with(c -> c.segmentFeatures = Collections.unmodifiableMap(sf));
    }

    /**
     * Per-segment settings as written in a {@code %%train} body, one segment per line:
     * {@code segment: param=value ... features=a,b} (quote values with spaces:
     * {@code features="Body Mass (g),Beak Length (mm)"}; blank lines and {@code #} comments skipped).
     */
    public Partitioner segmentLines(String body) {
        Partitioner out = this;
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (Words.Line l : Words.lines(body)) {
            String line = l.text();
            int eq = line.indexOf('=');
            int colon = eq < 0 ? line.lastIndexOf(':') : line.lastIndexOf(':', eq);
            if (colon <= 0) {
                throw new PartitaException("Line " + l.number() + " ('" + line + "') is not 'segment: param=value ..."
                        + " features=a,b'. Start it with the segment name and a colon, e.g. 'Husband: max_depth=6'.");
            }
            String segment = line.substring(0, colon).strip();
            Integer first = firstLine.putIfAbsent(segment, l.number());
            if (first != null) {
                throw new PartitaException("Line " + l.number() + " names segment '" + segment + "' again (first on line "
                        + first + "). Give each segment one line with all its settings.");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String[] kv : Words.pairs(line.substring(colon + 1), "line " + l.number())) {
                if (kv[0].equals("features")) {
                    out = out.features(segment, Words.list(kv[1]));
                } else {
                    settings.put(kv[0], kv[1]);
                }
            }
            if (!settings.isEmpty()) {
                out = out.override(segment, settings);
            }
        }
        return out;
    }

    /** Size of the training pool (default: available processors). The result never depends on it. */
    public Partitioner threads(int n) {
        if (n < 1) {
            throw new PartitaException("parallel=" + n + ": training needs at least 1 thread.");
        }
        return with(c -> c.threads = n);
    }

    /** Guarded routing with a held-out share and seed (see {@link Guard}); doubles the training work. */
    public Partitioner guarded(double holdout, long seed) {
        Guard g = new Guard(holdout, seed);
        return with(c -> c.guard = g);
    }

    /** Called on the fitting thread after every finished segment fit. */
    public Partitioner onProgress(Consumer<TrainingProgress> callback) {
        Objects.requireNonNull(callback, "callback");
        return with(c -> c.progress = callback);
    }

    /**
     * Polled between segment fits; when it returns true (or the fitting thread is interrupted)
     * no further segment starts, running fits finish, and fit throws {@link TrainingCancelledException}.
     */
    public Partitioner cancelWhen(BooleanSupplier signal) {
        Objects.requireNonNull(signal, "signal");
        return with(c -> c.cancel = signal);
    }

    public PartitionedClassifier fitClassifier(Table data, String target) {
        return (PartitionedClassifier) fit(data, target, Kind.CLASSIFIER);
    }

    public PartitionedRegressor fitRegressor(Table data, String target) {
        return (PartitionedRegressor) fit(data, target, Kind.REGRESSOR);
    }

    /** Fits a partitioned classifier or regressor. */
    public PartitionedModel fit(Table data, String target, Kind kind) {
        return new Trainer(this, data, target, kind).fit();
    }

    /**
     * k-fold cross-validated comparison with the single {@code __dataset__} model: rows are
     * shuffled with {@code seed} and dealt into {@code folds} folds; each fold is scored by
     * models trained on the others (with this trainer's settings).
     */
    public CrossValidation crossValidate(Table data, String target, Kind kind, int folds, long seed) {
        return new Trainer(this, data, target, kind).crossValidate(folds, seed);
    }

    /** The same settings without progress and cancel callbacks (what a fitted model keeps). */
    Partitioner withoutCallbacks() {
        return with(c -> {
            c.progress = p -> { };
            c.cancel = () -> false;
        });
    }

    public PartitionSpec spec() {
        return spec;
    }

    public Params params() {
        return params;
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

    Map<String, Map<String, String>> overrides() {
        return overrides;
    }

    Map<String, List<String>> segmentFeatures() {
        return segmentFeatures;
    }

    Guard guard() {
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
