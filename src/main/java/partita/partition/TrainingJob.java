package partita.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import partita.PartitaException;
import partita.eval.Metric;
import partita.eval.Predictions;
import partita.model.Columns;
import partita.model.Kind;
import partita.model.TrainingData;
import partita.model.TransparentModel;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.Segmentation;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One training job of a {@link PartitionedTrainer} on one table: the table is prepared once
 * ({@link TrainingData}) and every segment is fitted on a row view of it.
 */
final class TrainingJob<M extends TransparentModel> {

    private static final int[] NO_ROWS = new int[0];

    private final PartitionedTrainer<M> cfg;
    private final Kind kind;
    private final PartitionSpec spec;
    /** Rows of the input that have a target (the input itself when none is missing). */
    private final Table table;
    private final TrainingData data;
    private final double[] y;
    private final Segmentation segmentation;
    /** Rows without a target per segment key (only keys that have some). */
    private final Map<SegmentKey, Integer> missingTarget = new HashMap<>();
    private final List<String> features;
    private final SegmentPlanner planner;
    private final FitPool<M> pool;

    TrainingJob(PartitionedTrainer<M> cfg, Table input, String target) {
        this.cfg = cfg;
        this.kind = cfg.kind();
        this.spec = cfg.spec();
        Column<?> t = Target.column(input, target);
        if (spec.columns().contains(target)) {
            throw new PartitaException("The target '" + target + "' is also a partition column. Partition by other"
                    + " columns: a segment's target would be constant.");
        }
        Segmentation all = Segmentation.of(spec, input);
        Map<SegmentKey, int[]> allGroups = all.groups(null);
        int[] present = IntStream.range(0, t.size()).filter(i -> !Columns.isMissing(t, i)).toArray();
        if (present.length < t.size()) {
            this.table = input.rows(present);
            this.segmentation = all.subset(present);
            Map<SegmentKey, int[]> withTarget = segmentation.groups(null);
            allGroups.forEach((key, rows) -> {
                int have = withTarget.getOrDefault(key, NO_ROWS).length;
                if (have < rows.length) {
                    missingTarget.put(key, rows.length - have);
                }
            });
        } else {
            this.table = input;
            this.segmentation = all;
        }
        if (table.rowCount() == 0) {
            throw new PartitaException("Every row of '" + target + "' is missing: there is nothing to train on. "
                    + "Pass rows with a target value.");
        }
        this.features = features(input, target);
        this.data = kind.prepare(table, target, features);
        this.y = data.targetValues();
        this.pool = new FitPool<>(cfg, data, table, y);
        this.planner = new SegmentPlanner(cfg, target, data.labels(), features, allGroups.keySet());
    }

    private List<String> features(Table input, String target) {
        List<String> partition = spec.columns();
        if (cfg.features() == null) {
            return DefaultFeatures.of(input, target, partition).features();
        }
        for (String f : cfg.features()) {
            if (partition.contains(f)) {
                throw new PartitaException("'" + f + "' is a partition column, so it cannot be a feature: within a"
                        + " segment it is constant, and fallback rows must score as on __dataset__. Remove it from"
                        + " the features.");
            }
        }
        return cfg.features();
    }

    PartitionedModel<M> fit() {
        return fit(null, new FitCounter(), true);
    }

    /**
     * Fits on some rows (null = all), with the guard when configured.
     *
     * @param full true for the final model: also reports segments whose every row lacks a target
     */
    private PartitionedModel<M> fit(int[] rows, FitCounter counter, boolean full) {
        if (cfg.guard() == null) {
            return build(train(rows, Map.of(), Map.of(), counter, full));
        }
        // the progress total covers both passes from the start; rejected segments count as done at once
        counter.total += plan(rows, Map.of(), Map.of(), full).tasks().size();
        Map<SegmentKey, String> rejected = new HashMap<>();
        Map<SegmentKey, String> kept = new HashMap<>();
        guard(rows, counter, rejected, kept);
        Planned last = plan(rows, rejected, kept, full);
        for (Segment s : last.results()) {
            if (s != null && s.status() == SegmentStatus.REJECTED) {
                counter.done++;
                cfg.progress().accept(new TrainingProgress(counter.done, counter.total, s));
            }
        }
        return build(execute(last, counter));
    }

    private PartitionedModel<M> build(Run run) {
        TrainingRows rows = new TrainingRows(table, y, run.rows, run.served);
        return new PartitionedModel<>(cfg.features(features), data.target(), features, segmentation.sources(),
                run.segments, rows);
    }

    /**
     * The model's trained segments re-attached to this job's rows, so refits can run again after
     * loading (a regressor's ridge step needs them) and recompute metrics and drift references.
     */
    PartitionedModel<M> attach(PartitionedModel<M> model) {
        Map<SegmentKey, int[]> groups = segmentation.groups(null);
        Map<SegmentKey, Segment> byKey = new HashMap<>();
        Map<SegmentKey, int[]> rows = new HashMap<>();
        List<Segment> out = new ArrayList<>();
        Map<SegmentKey, TransparentModel> attached = new HashMap<>();
        List<Segment> shallowFirst = new ArrayList<>(model.segments());
        shallowFirst.sort(Comparator.comparingInt(s -> s.key().depth())); // a prior is attached before its children
        for (Segment s : shallowFirst) {
            if (s.trained()) {
                int[] r = groups.getOrDefault(s.key(), NO_ROWS);
                if (r.length != s.rows()) {
                    throw new PartitaException("This table is not the one the model was trained on: segment " + s.name()
                            + " has " + r.length + " rows with a target here but had " + s.rows() + " in training."
                            + " Attach the training table.");
                }
                rows.put(s.key(), r);
                // an optimised segment is pulled toward its nearest trained ancestor, as in training
                TransparentModel prior = s.key().isDataset() || !s.model().optimised() ? null
                        : s.key().nearestAncestor(attached);
                TransparentModel m = s.model().withTrainingData(data, r, prior);
                attached.put(s.key(), m);
                s = s.withModel(m, s.params(), s.trainingMetric(), s.reference());
            }
            byKey.put(s.key(), s);
        }
        for (Segment s : model.segments()) {
            out.add(byKey.get(s.key()));
        }
        return model.with(out, new TrainingRows(table, y, rows, served(groups.get(SegmentKey.DATASET), byKey)));
    }

    /**
     * The guard pass: trains without the held-out part of the rows (null = all) and judges every
     * segment on its held-out rows.
     */
    private void guard(int[] rows, FitCounter counter, Map<SegmentKey, String> rejected, Map<SegmentKey, String> kept) {
        PartitionedTrainer.Guard g = cfg.guard();
        SplittableRandom rnd = new SplittableRandom(g.seed());
        Segmentation.IntList fitRows = new Segmentation.IntList();
        Segmentation.IntList heldRows = new Segmentation.IntList();
        int n = rows == null ? table.rowCount() : rows.length;
        for (int j = 0; j < n; j++) {
            (rnd.nextDouble() < g.holdout() ? heldRows : fitRows).add(rows == null ? j : rows[j]);
        }
        Run run = train(fitRows.toArray(), Map.of(), Map.of(), counter, false);
        PartitionedModel<M> guardModel = build(run);
        Map<SegmentKey, int[]> held = segmentation.groups(heldRows.toArray());
        TransparentModel dataset = guardModel.datasetModel();
        Metric metric = kind.loss();
        for (SegmentKey key : segmentation.groups(rows).keySet()) {
            if (key.isDataset()) {
                continue;
            }
            Segment s = run.byKey.get(key);
            int[] h = held.getOrDefault(key, NO_ROWS);
            if (s == null || !s.trained()) {
                rejected.put(key, "guard: could not be trained without the held-out rows"
                        + (s == null ? "" : " (" + s.status().label() + ")")
                        + ", so it cannot show it beats __dataset__");
            } else if (h.length == 0) {
                rejected.put(key, "guard: no held-out rows to show it beats __dataset__");
            } else {
                double own = metric.of(predictions(s.model(), h));
                double base = metric.of(predictions(dataset, h));
                String text = String.format("guard: %s %.4f vs __dataset__ %.4f on %d held-out rows", metric, own, base,
                        h.length);
                (metric.better(own, base) ? kept : rejected).put(key, text);
            }
        }
    }

    /** What a model predicts on some rows of the job's table. */
    private Predictions predictions(TransparentModel m, int[] rows) {
        return kind.predictions(m, table, rows, y);
    }

    CrossValidation crossValidate(int folds, long seed) {
        int n = table.rowCount();
        int[] fold = Folds.deal(n, folds, seed);
        List<Comparison> results = new ArrayList<>();
        FitCounter counter = new FitCounter();
        for (int f = 0; f < folds; f++) {
            Segmentation.IntList fit = new Segmentation.IntList();
            Segmentation.IntList test = new Segmentation.IntList();
            for (int i = 0; i < n; i++) {
                (fold[i] == f ? test : fit).add(i);
            }
            PartitionedModel<M> m = fit(fit.toArray(), counter, false);
            results.add(Comparison.of(m, table, test.toArray()));
        }
        return CrossValidation.of(kind, results, seed);
    }

    /** Segments of one run, in spec order, and the training rows of every trained one. */
    private record Run(List<Segment> segments, Map<SegmentKey, Segment> byKey, Map<SegmentKey, int[]> rows,
                       Map<SegmentKey, int[]> served) {
    }

    /**
     * Plans and fits every segment of the given rows.
     *
     * @param rows     rows of {@link #table} to train on (ascending), null for all
     * @param rejected segments the guard rejected (not trained), with the reason
     * @param notes    notes for trained segments
     * @param full     true for the final model: also reports segments whose every row lacks a target
     */
    private Run train(int[] rows, Map<SegmentKey, String> rejected, Map<SegmentKey, String> notes, FitCounter counter,
                      boolean full) {
        Planned p = plan(rows, rejected, notes, full);
        counter.total += p.tasks().size();
        return execute(p, counter);
    }

    /** Segments decided without fitting (results filled), and the fits to run (their results null). */
    private record Planned(Map<SegmentKey, int[]> groups, Segment[] results, List<FitTask> tasks) {
    }

    private Planned plan(int[] rows, Map<SegmentKey, String> rejected, Map<SegmentKey, String> notes, boolean full) {
        LinkedHashMap<SegmentKey, int[]> groups = segmentation.groups(rows);
        if (full) {
            missingTarget.keySet().stream().filter(k -> !groups.containsKey(k)).forEach(k -> groups.put(k, NO_ROWS));
        }
        List<SegmentKey> keys = new ArrayList<>(groups.keySet());
        keys.sort(Comparator.comparing((SegmentKey k) -> !k.isDataset()).thenComparing(spec.order()));
        double datasetVariance = Moments.of(y, groups.get(SegmentKey.DATASET)).variance();
        Segment[] results = new Segment[keys.size()];
        List<FitTask> tasks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SegmentKey key = keys.get(i);
            int[] r = groups.get(key);
            Moments m = Moments.of(y, r);
            SegmentPlanner.Plan plan = planner.plan(key, r.length, full ? missingTarget.getOrDefault(key, 0) : 0,
                    m.mean(), m.variance(), feats -> constantFeatures(feats, r), datasetVariance, rejected.get(key),
                    notes.getOrDefault(key, ""));
            if (plan.status() != null) {
                results[i] = new Segment(key, plan.status(), plan.reason(), r.length, plan.params(), plan.features(),
                        null, 0, Double.NaN, null);
            } else {
                tasks.add(new FitTask(i, key, r, plan.params(), plan.features(), plan.reason()));
            }
        }
        return new Planned(groups, results, tasks);
    }

    private Run execute(Planned planned, FitCounter counter) {
        Segment[] results = planned.results();
        Map<SegmentKey, int[]> groups = planned.groups();
        pool.run(planned.tasks(), results, counter);
        Map<SegmentKey, Segment> byKey = new HashMap<>();
        Map<SegmentKey, int[]> trainedRows = new HashMap<>();
        for (Segment s : results) {
            byKey.put(s.key(), s);
            if (s.trained()) {
                trainedRows.put(s.key(), groups.get(s.key()));
            }
        }
        Map<SegmentKey, int[]> served = served(groups.get(SegmentKey.DATASET), byKey);
        for (int i = 0; i < results.length; i++) {
            Segment s = results[i];
            if (s.trained()) {
                int[] r = served.getOrDefault(s.key(), trainedRows.get(s.key()));
                results[i] = s.withModel(s.model(), s.params(), s.trainingMetric(),
                        ScoreReference.of(s.model().predictScore(table, r)));
                byKey.put(s.key(), results[i]);
            }
        }
        return new Run(List.of(results), byKey, trainedRows, served);
    }

    /** The training rows each trained segment serves (the rows routing sends to its model). */
    private Map<SegmentKey, int[]> served(int[] rows, Map<SegmentKey, Segment> byKey) {
        Map<SegmentKey, SegmentKey> memo = new HashMap<>();
        Map<SegmentKey, Segmentation.IntList> out = new HashMap<>();
        for (int r : rows) {
            SegmentKey model = memo.computeIfAbsent(segmentation.path(r), path -> {
                for (int d = path.depth(); d >= 1; d--) {
                    Segment s = byKey.get(path.prefix(d));
                    if (s != null && s.trained()) {
                        return s.key();
                    }
                }
                return SegmentKey.DATASET;
            });
            out.computeIfAbsent(model, k -> new Segmentation.IntList()).add(r);
        }
        Map<SegmentKey, int[]> result = new HashMap<>();
        out.forEach((k, v) -> result.put(k, v.toArray()));
        return result;
    }

    /** Features with one value (missing counts as a value) over the rows. */
    private List<String> constantFeatures(List<String> feats, int[] rows) {
        List<String> out = new ArrayList<>();
        for (String f : feats) {
            Column<?> c = table.column(f);
            boolean constant = true;
            if (c instanceof NumericColumn<?> nc) {
                double first = nc.getDouble(rows[0]);
                for (int i = 1; i < rows.length && constant; i++) {
                    constant = Double.compare(first, nc.getDouble(rows[i])) == 0;
                }
            } else {
                Object first = c.get(rows[0]);
                for (int i = 1; i < rows.length && constant; i++) {
                    constant = java.util.Objects.equals(first, c.get(rows[i]));
                }
            }
            if (constant) {
                out.add(f);
            }
        }
        return out;
    }
}
