package partita.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import partita.PartitaException;
import partita.eval.Metric;
import partita.eval.Predictions;
import partita.model.ClassifierModel;
import partita.model.Explanation;
import partita.model.Kind;
import partita.model.Params;
import partita.model.RegressorModel;
import partita.model.TransparentModel;
import partita.partition.segment.KeyType;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.SegmentNames;
import partita.partition.segment.Segmentation;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A fitted partitioned model: a {@code __dataset__} model plus one model per trained segment.
 * Every row is scored by exactly one model: the deepest trained segment of its path, else its
 * parent, ..., else {@code __dataset__} (unknown, too small, failed, rejected and missing-valued
 * segments alike); {@link #route(Table)} says which. Immutable; refit returns a new model.
 * Generic in the type of its segment models ({@link ClassifierModel}, {@link RegressorModel}):
 * {@link #model(String)} and {@link #datasetModel()} return that type.
 */
public final class PartitionedModel<M extends TransparentModel> {

    private final PartitionSpec spec;
    /** The training settings (callbacks dropped), to train again: cross-validation, re-attaching data. */
    private final PartitionedTrainer<M> trainer;
    private final String target;
    private final List<String> features;
    final List<KeyType> sources;
    private final List<Segment> segments;
    private final Map<SegmentKey, Segment> byKey = new HashMap<>();
    private final Map<String, Segment> byName = new LinkedHashMap<>();
    /** Training rows, in memory only (null after load). */
    final TrainingRows training;

    PartitionedModel(PartitionedTrainer<M> trainer, String target, List<String> features, List<KeyType> sources,
                     List<Segment> segments, TrainingRows training) {
        this.trainer = trainer.withoutCallbacks();
        this.spec = trainer.spec();
        this.target = target;
        this.features = List.copyOf(features);
        this.sources = List.copyOf(sources);
        this.segments = List.copyOf(segments);
        this.training = training;
        for (Segment s : segments) {
            byKey.put(s.key(), s);
            byName.put(s.name(), s);
        }
        if (!this.segments.get(0).key().isDataset() || !this.segments.get(0).trained()) {
            throw new IllegalStateException("the first segment must be a trained __dataset__");
        }
    }

    /**
     * A fitted model assembled from its parts, as a model file holds them (no training rows in
     * memory): the trainer's settings, target, features, the kind of key of each level, and the
     * segments ({@code __dataset__} first, trained).
     */
    public static <M extends TransparentModel> PartitionedModel<M> restore(PartitionedTrainer<M> trainer,
            String target, List<String> features, List<KeyType> keyTypes, List<Segment> segments) {
        return new PartitionedModel<>(trainer, target, features, keyTypes, segments, null);
    }

    /** The kind of values (text, number, boolean, date) of each level's segment column, as in training. */
    public List<KeyType> keyTypes() {
        return sources;
    }

    /** Classifier or regressor: the kind of the estimator it was trained with. */
    public Kind kind() {
        return trainer.kind();
    }

    /** The same model with other segments (refit), keeping everything else. */
    PartitionedModel<M> with(List<Segment> newSegments, TrainingRows rows) {
        return new PartitionedModel<>(trainer, target, features, sources, newSegments, rows);
    }

    public PartitionSpec spec() {
        return spec;
    }

    /** The settings this model was trained with (kept in its file too), without progress or cancel callbacks. */
    public PartitionedTrainer<M> trainer() {
        return trainer;
    }

    public String target() {
        return target;
    }

    /** Features of the {@code __dataset__} model; segment models use these or a subset. */
    public List<String> features() {
        return features;
    }

    /** Every segment: {@code __dataset__} first, then depth-first in level order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The segment with this display name (see {@link SegmentKey#name()}); unknown names get close matches. */
    public Segment segment(String name) {
        return SegmentNames.find(name, byName);
    }

    /** The segment with this key, or null if training never saw it. */
    public Segment segment(SegmentKey key) {
        return byKey.get(key);
    }

    public M datasetModel() {
        return cast(segments.get(0).model());
    }

    @SuppressWarnings("unchecked") // every segment model was fitted by the trainer's Estimator<M>
    private M cast(TransparentModel m) {
        return (M) m;
    }

    /** The model of a trained segment; a segment without one is an error saying why and who scores its rows. */
    public M model(String segment) {
        Segment s = segment(segment);
        if (!s.trained()) {
            throw new PartitaException("Segment '" + s.name() + "' has no model: it is " + s.status().label()
                    + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")") + ". Its rows are scored by "
                    + serving(s.key()).name() + ".");
        }
        return cast(s.model());
    }

    /** Names of the segments that have a model, {@code __dataset__} first. */
    public List<String> trainedSegments() {
        return segments.stream().filter(Segment::trained).map(Segment::name).toList();
    }

    /** The segment whose model scores rows of this path: deepest trained prefix, else {@code __dataset__}. */
    Segment serving(SegmentKey path) {
        for (int d = path.depth(); d >= 1; d--) {
            Segment s = byKey.get(path.prefix(d));
            if (s != null && s.trained()) {
                return s;
            }
        }
        return segments.get(0);
    }

    /** Where every row of a table goes: its own path and the serving segment. */
    Routing routing(Table data) {
        Segmentation seg = Segmentation.of(spec, data);
        seg.requireSources(sources);
        Map<SegmentKey, Segment> memo = new HashMap<>();
        SegmentKey[] paths = new SegmentKey[seg.rows()];
        Segment[] serving = new Segment[paths.length];
        for (int i = 0; i < serving.length; i++) {
            paths[i] = seg.path(i);
            serving[i] = memo.computeIfAbsent(paths[i], this::serving);
        }
        return new Routing(paths, serving);
    }

    /** Row paths and serving segments of a table. */
    record Routing(SegmentKey[] paths, Segment[] serving) {

        /** The given rows (null = all) grouped by serving segment, in first-seen order; values are positions. */
        Map<Segment, int[]> positions(int[] rows) {
            int n = rows == null ? serving.length : rows.length;
            Map<Segment, Segmentation.IntList> out = new LinkedHashMap<>();
            for (int j = 0; j < n; j++) {
                out.computeIfAbsent(serving[rows == null ? j : rows[j]], s -> new Segmentation.IntList()).add(j);
            }
            Map<Segment, int[]> result = new LinkedHashMap<>();
            out.forEach((s, l) -> result.put(s, l.toArray()));
            return result;
        }
    }

    /** A per-model computation on some rows of a table. */
    @FunctionalInterface
    interface PerModel {
        double[] apply(TransparentModel model, int[] rows);
    }

    /** Applies each row's serving model to it; values come back in the order of {@code rows} (null = all rows). */
    double[] perRow(Table data, int[] rows, PerModel f) {
        return perRow(routing(data), rows, f);
    }

    static double[] perRow(Routing routing, int[] rows, PerModel f) {
        int n = rows == null ? routing.serving().length : rows.length;
        double[] out = new double[n];
        routing.positions(rows).forEach((segment, pos) -> {
            int[] r = new int[pos.length];
            for (int j = 0; j < pos.length; j++) {
                r[j] = rows == null ? pos[j] : rows[pos[j]];
            }
            double[] v = f.apply(segment.model(), r);
            for (int j = 0; j < pos.length; j++) {
                out[pos[j]] = v[j];
            }
        });
        return out;
    }

    /** What the serving models predict on some rows of a table whose targets are {@code y}. */
    Predictions predictions(Routing routing, Table data, double[] y, int[] rows) {
        Kind kind = kind();
        return new Predictions(Predictions.pick(y, rows),
                perRow(routing, rows, (m, r) -> kind.values(m, data, r)));
    }

    /**
     * The target of every row of a labelled table as the model reads it: 0/1 by the training
     * labels (classifier) or the value (regressor); NaN where the cell is missing.
     */
    double[] truth(Table data) {
        return Target.read(data, target, datasetModel() instanceof ClassifierModel c ? c.labels() : null);
    }

    /** One score per row, in row order, each from the row's serving model. */
    public double[] predictScore(Table data) {
        return perRow(data, null, (m, rows) -> m.predictScore(data, rows));
    }

    /**
     * Classifier: calibrated probability of the positive label per row, each from its serving
     * model's own calibration map (raw scores of different segment models are not on one scale;
     * these are).
     */
    public double[] predictProba(Table data) {
        requireClassifier("predictProba", "predict(table) gives its predicted values");
        return perRow(data, null, (m, rows) -> ((ClassifierModel) m).predictProba(data, rows));
    }

    /**
     * The prediction per row from its serving model: the label (classifier, decision value above
     * 0.5, see {@link ClassifierModel#predict(Table, double)}) or the value clipped to the serving
     * model's prediction range (regressor, as {@code Double}).
     */
    public List<Object> predict(Table data) {
        if (kind() == Kind.REGRESSOR) {
            double[] v = perRow(data, null, (m, rows) -> ((RegressorModel) m).predict(data, rows));
            return java.util.Arrays.stream(v).boxed().map(Object.class::cast).toList();
        }
        return predict(data, 0.5);
    }

    /** Classifier labels: the positive label where the serving model's decision value is above the threshold. */
    public List<Object> predict(Table data, double threshold) {
        requireClassifier("predict(table, threshold)", "predict(table) gives its values");
        double[] scores = perRow(data, null, (m, rows) -> ((ClassifierModel) m).decisionValues(data, rows));
        List<Object> labels = ((ClassifierModel) datasetModel()).labels();
        List<Object> out = new ArrayList<>(scores.length);
        for (double s : scores) {
            out.add(labels.get(s > threshold ? 1 : 0));
        }
        return out;
    }

    private void requireClassifier(String call, String instead) {
        if (kind() != Kind.CLASSIFIER) {
            throw new PartitaException(call + " applies to a partitioned classifier; this one is a regressor of "
                    + target + ": " + instead + ".");
        }
    }

    /**
     * Which model scores each row: {@code row}, the row's own {@code segment} path, the serving
     * {@code model}, its {@code level}, {@code fallback} (true unless the row's own deepest segment
     * scores it) and the {@code reason} (status of the row's own segment, or {@code unseen}).
     */
    public Table route(Table data) {
        Routing r = routing(data);
        IntColumn row = IntColumn.create("row");
        StringColumn segment = StringColumn.create("segment");
        StringColumn model = StringColumn.create("model");
        IntColumn level = IntColumn.create("level");
        BooleanColumn fallback = BooleanColumn.create("fallback");
        StringColumn reason = StringColumn.create("reason");
        for (int i = 0; i < r.paths().length; i++) {
            SegmentKey path = r.paths()[i];
            Segment own = byKey.get(path);
            Segment s = r.serving()[i];
            row.append(i);
            segment.append(path.name());
            model.append(s.name());
            level.append(s.level());
            fallback.append(!s.key().equals(path));
            reason.append(own == null ? "unseen in training" : own.status().label());
        }
        return Table.create("Routing of " + data.name(), row, segment, model, level, fallback, reason);
    }

    /** Name of the segment whose model scores row {@code row} of the table. */
    public String modelFor(Table data, int row) {
        checkRow(data, row);
        return routing(data).serving()[row].name(); // the whole table: the same routing as predict*
    }

    /** For every row, in row order, the name of the segment whose model scores it. */
    public List<String> scoredBy(Table data) {
        return java.util.Arrays.stream(routing(data).serving()).map(Segment::name).toList();
    }

    /** One row's explanation by the model that scores it. */
    public RowExplanation explain(Table data, int row) {
        checkRow(data, row);
        Segment s = routing(data).serving()[row];
        return new RowExplanation(s.name(), s.model().explain(data, row));
    }

    /** A row's explanation and the name of the model that gave it. */
    public record RowExplanation(String model, Explanation explanation) {
    }

    private static void checkRow(Table data, int row) {
        if (row < 0 || row >= data.rowCount()) {
            throw new PartitaException("Row " + row + " is outside the table, which has " + data.rowCount()
                    + " rows. Pass a row index from 0 to " + (data.rowCount() - 1) + ".");
        }
    }

    /** What training made of every segment: status, reason, parameters, leaves, fit time, training metric. */
    public TrainingSummary summary() {
        return new TrainingSummary(kind(), target, spec, segments);
    }

    /** {@code name=value} of the parameters of {@code p} that differ from {@code base} ("" if none). */
    static String changedParams(Params base, Params p) {
        Map<String, Object> b = base.asMap();
        List<String> out = new ArrayList<>();
        p.asMap().forEach((k, v) -> {
            if (!v.equals(b.get(k))) {
                out.add(k + "=" + Params.show(v));
            }
        });
        return String.join(", ", out);
    }

    /** Partitioned vs the single {@code __dataset__} model on a labelled test table, overall and per segment. */
    public Comparison compare(Table test) {
        return Comparison.of(this, test, null);
    }

    /** Feature importance of every trained segment's model. */
    public ImportanceMatrix importance() {
        return ImportanceMatrix.of(this);
    }

    /**
     * Monitoring on new labelled data with the kind's headline metric ({@link Kind#headline()}).
     *
     * @param threshold alert when a segment's metric is below it
     * @param minNew    report segments unseen in training with at least this many rows
     */
    public MonitorReport monitor(Table data, double threshold, int minNew) {
        return monitor(data, kind().headline(), threshold, minNew);
    }

    /**
     * Monitoring with one of the kind's metrics ({@link Kind#metrics()}); for a lower-is-better
     * metric (log_loss, mae, rmse) the alert fires above the threshold.
     */
    public MonitorReport monitor(Table data, Metric metric, double threshold, int minNew) {
        if (!kind().metrics().contains(metric)) {
            kind().metric(metric.label()); // the error listing this kind's metrics
        }
        return MonitorReport.of(this, data, metric, threshold, minNew);
    }

    /**
     * Rapid refit of some segments (none named: every trained segment, {@code __dataset__}
     * included) with their parameters changed by {@code change}, from the split statistics kept
     * in each model (no data needed): {@code m.refit(p -> p.maxDepth(4), "Husband")}. The change
     * applies on top of each segment's own parameters.
     */
    public PartitionedModel<M> refit(UnaryOperator<Params.Builder> change, String... segments) {
        return refit(change, List.of(segments), List.of());
    }

    /**
     * As {@link #refit(UnaryOperator, String...)}, changing only the given features of each
     * segment's model (empty: all); a segment whose model has none of them is left as it is.
     */
    public PartitionedModel<M> refit(UnaryOperator<Params.Builder> change, List<String> segmentNames,
                                     List<String> featureNames) {
        boolean optimised = segments.stream().anyMatch(s -> s.trained() && s.model().optimised());
        if (training == null && (kind() == Kind.REGRESSOR || optimised)) {
            throw new PartitaException("This partitioned " + kind().label()
                    + " has no training data in memory (it was loaded from a file), and its refit re-runs "
                    + (optimised ? "the optimise step" : "the ridge step") + " over the training rows. Attach the table"
                    + " it was trained on first: model.withTrainingData(table).refit(...).");
        }
        List<Segment> targets = segmentNames.isEmpty()
                ? segments.stream().filter(Segment::trained).toList()
                : segmentNames.stream().map(this::segment).toList();
        for (Segment t : targets) {
            if (!t.trained()) {
                model(t.name()); // throws, saying why it has no model
            }
        }
        for (String f : featureNames) {
            if (!features.contains(f)) {
                throw PartitaException.unknownName("feature", f, features);
            }
        }
        List<Segment> out = new ArrayList<>(segments);
        for (int i = 0; i < out.size(); i++) {
            Segment s = out.get(i);
            List<String> own = featureNames.stream().filter(s.features()::contains).toList();
            if (!targets.contains(s) || (!featureNames.isEmpty() && own.isEmpty())) {
                continue; // not asked for, or none of the named features is in its model
            }
            Params p = change.apply(s.params().toBuilder()).build();
            TransparentModel m = s.model().refit(b -> p.toBuilder(), own.toArray(String[]::new));
            double metric = Double.NaN;
            ScoreReference ref = null;
            if (training != null) {
                int[] rows = training.rows().get(s.key());
                Table t = training.table();
                metric = FitPool.trainingMetric(kind(), m, t, training.y(), rows);
                ref = ScoreReference.of(m.predictScore(t, training.served().getOrDefault(s.key(), rows)));
            }
            out.set(i, s.withModel(m, m.params(), metric, ref));
        }
        return with(out, training);
    }

    /**
     * What a refit changed, per segment that differs from {@code before}: segment, params_before,
     * params_after (only the changed ones), leaves_before, leaves_after, and the training metric
     * before and after.
     */
    public RefitChanges changesFrom(PartitionedModel<?> before) {
        List<RefitChanges.Row> rows = new ArrayList<>();
        for (Segment s : segments) {
            Segment old = before.segment(s.key());
            if (old == null || old.model() == s.model()) {
                continue;
            }
            rows.add(new RefitChanges.Row(s.name(), old.params() == null ? "" : changedParams(s.params(), old.params()),
                    s.params() == null ? "" : changedParams(old.params(), s.params()), old.leaves(), s.leaves(),
                    old.trainingMetric(), s.trainingMetric()));
        }
        return new RefitChanges(kind().headline(), rows);
    }

    /**
     * The same model with its training table attached again (a loaded model has none): needed to
     * refit a loaded regressor, and lets refits recompute training metrics and drift references.
     * The table must give every trained segment as many rows with a target as in training.
     */
    public PartitionedModel<M> withTrainingData(Table data) {
        return new TrainingJob<>(trainer, data, target).attach(this);
    }

    /** e.g. {@code Partitioned classifier of income by relationship: 6 of 7 models trained (1 too-small)}. */
    @Override
    public String toString() {
        Map<String, Integer> others = new java.util.TreeMap<>();
        segments.stream().filter(s -> !s.trained()).forEach(s -> others.merge(s.status().label(), 1, Integer::sum));
        String rest = others.isEmpty() ? "" : " (" + String.join(", ", others.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).toList()) + ")";
        return "Partitioned " + kind().label() + " of " + target + " by " + spec + ": " + trainedSegments().size() + " of "
                + segments.size() + " models trained" + rest;
    }
}
