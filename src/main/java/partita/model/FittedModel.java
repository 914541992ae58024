package partita.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import partita.PartitaException;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** What classifier and regressor share: the additive structure, lookup, scoring and explanation. */
abstract class FittedModel {

    private static final int BLOCK = 1 << 14;

    final Params params;
    final String target;
    final List<String> features;
    final FeatureModel[] models;
    /** Mean target of the training rows: the reference point leaves are grown and scored against. */
    final double targetMean;
    final double baseValue;
    final int trainingRows;
    /** The training rows while the model lives in memory; null after loading from a file. */
    final TrainingView training;
    /** Optimised models: the penalty the leaf scores were fitted with; NaN for the reference method. */
    final double penalty;
    /**
     * Optimised models: the model whose contributions the penalty pulled the scores toward (a
     * segment's parent), kept in memory so a refit pulls toward it again; null for none.
     */
    final FittedModel prior;

    FittedModel(Params params, String target, FeatureModel[] models, double targetMean, double baseValue,
                int trainingRows, TrainingView training, double penalty, FittedModel prior) {
        this.params = params;
        this.target = target;
        this.models = models;
        this.features = Arrays.stream(models).map(m -> m.name).toList();
        this.targetMean = targetMean;
        this.baseValue = baseValue;
        this.trainingRows = trainingRows;
        this.training = training;
        this.penalty = penalty;
        this.prior = prior;
    }

    /** True when the leaf scores were fitted jointly (the optimise step, docs/algorithm.md section 11). */
    public boolean optimised() {
        return !Double.isNaN(penalty);
    }

    /** The optimise step's penalty in rows (chosen from the data unless given); NaN for the reference method. */
    public double penalty() {
        return penalty;
    }

    public Params params() {
        return params;
    }

    public Map<String, Params> featureParams() {
        Map<String, Params> m = new LinkedHashMap<>();
        for (FeatureModel f : models) {
            m.put(f.name, f.params);
        }
        return m;
    }

    public String target() {
        return target;
    }

    public List<String> features() {
        return features;
    }

    public double baseValue() {
        return baseValue;
    }

    public int trainingRows() {
        return trainingRows;
    }

    public boolean hasTrainingData() {
        return training != null;
    }

    /**
     * A training view over data that must reproduce this model's split statistics exactly (a
     * loaded model's thinned candidates must be among them), and the features with the full
     * statistics of that data, so later refits are exact.
     */
    Attached attach(TrainingData data, int[] rows, boolean classifier) {
        TrainingView view = TrainingView.of(data, rows, classifier);
        if (!data.target().equals(target) || view.n() != trainingRows) {
            throw notTrainingData("it has " + view.n() + " rows for target '" + data.target() + "', the model "
                    + trainingRows + " rows for '" + target + "'");
        }
        SplitStats[] fresh = view.stats(features, params.alpha());
        FeatureModel[] full = new FeatureModel[models.length];
        for (int j = 0; j < models.length; j++) {
            SplitStats kept = models[j].stats;
            boolean matches = kept instanceof SplitStats.Numeric n && n.isThinned() && fresh[j] instanceof SplitStats.Numeric f
                    ? n.within(f) : Splits.same(fresh[j], kept);
            if (!matches) {
                throw notTrainingData("feature '" + features.get(j) + "' has different values or targets");
            }
            full[j] = new FeatureModel(models[j].name, models[j].params, fresh[j], models[j].leaves);
        }
        return new Attached(view, full);
    }

    /** Training rows attached to a model, and its features with their full split statistics. */
    record Attached(TrainingView view, FeatureModel[] models) {
    }

    /**
     * Features whose candidate splits a model file thinned (see {@link SplitStats.Numeric#thinned}):
     * a refit of a loaded model re-grows them from fewer candidates until the training rows are
     * attached with {@code withTrainingData}. Empty for a model fitted or attached in memory.
     */
    public List<String> thinnedFeatures() {
        return Arrays.stream(models).filter(m -> m.stats instanceof SplitStats.Numeric n && n.isThinned())
                .map(m -> m.name).toList();
    }

    private static PartitaException notTrainingData(String why) {
        return new PartitaException("This is not the data the model was trained on (" + why + "). Attach the exact"
                + " training table (same rows, same order), or fit a new model on this data.");
    }

    public int leafCount() {
        int k = 0;
        for (FeatureModel f : models) {
            k += f.leaves.size();
        }
        return k;
    }

    public double[] predictScore(Table data) {
        return predictScore(data, null);
    }

    public double[] predictScore(Table data, int[] rows) {
        int[] r = Columns.rowsOrAll(rows, data.rowCount());
        Column<?>[] columns = columns(data);
        LeafFill[] fills = new LeafFill[models.length];
        for (int j = 0; j < models.length; j++) {
            FeatureModel m = models[j];
            Column<?> c = columns[j];
            fills[j] = (from, to, out) -> m.leaves(c, r, from, to, out);
        }
        return sumScores(models, baseValue, r.length, fills);
    }

    /** Scores of rows given their leaf per feature (training rows). */
    static double[] scores(FeatureModel[] models, double baseValue, int[][] leaves) {
        LeafFill[] fills = new LeafFill[models.length];
        for (int j = 0; j < models.length; j++) {
            int[] l = leaves[j];
            fills[j] = (from, to, out) -> System.arraycopy(l, from, out, 0, to - from);
        }
        return sumScores(models, baseValue, leaves[0].length, fills);
    }

    /** Writes the leaves of one feature for rows [from, to) into out[0, to - from). */
    private interface LeafFill {
        void fill(int from, int to, int[] out);
    }

    /**
     * Per row: contributions summed in feature order, the base value added last (the order
     * prediction, calibration and explanation all share). Rows in parallel blocks; each row's
     * sum is the same whatever the thread count.
     */
    private static double[] sumScores(FeatureModel[] models, double baseValue, int m, LeafFill[] fills) {
        double[] s = new double[m];
        IntStream.range(0, (m + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
            int from = b * BLOCK;
            int to = Math.min(m, from + BLOCK);
            int[] leaf = new int[to - from];
            for (int j = 0; j < models.length; j++) {
                fills[j].fill(from, to, leaf);
                double[] score = models[j].scores();
                for (int i = from; i < to; i++) {
                    s[i] += score[leaf[i - from]];
                }
            }
            for (int i = from; i < to; i++) {
                s[i] += baseValue;
            }
        });
        return s;
    }

    /** The model's feature columns in the table, checked for presence and kind. */
    Column<?>[] columns(Table data) {
        Column<?>[] out = new Column<?>[models.length];
        for (int j = 0; j < models.length; j++) {
            if (!data.containsColumn(models[j].name)) {
                throw new PartitaException("The table has no column '" + models[j].name + "', a feature of this model."
                        + closeHint(data, models[j].name) + " The model needs every feature column: "
                        + String.join(", ", features) + ".");
            }
            out[j] = data.column(models[j].name);
            models[j].checkColumn(out[j]);
        }
        return out;
    }

    private static String closeHint(Table data, String name) {
        List<String> close = PartitaException.closeMatches(name, data.columnNames());
        return close.isEmpty() ? "" : " Did you mean: " + String.join(", ", close) + "?";
    }

    public List<FeatureProfile> profile() {
        return Arrays.stream(models).map(FeatureModel::profile).toList();
    }

    public FeatureProfile profile(String feature) {
        return model(feature).profile();
    }

    /** Grown features with their leaf scores optimised (section 11) over the training rows. */
    record Optimised(FeatureModel[] models, double intercept, double penalty) {
    }

    /** The optimise step on grown features (any scores they hold are replaced). */
    static Optimised optimise(FeatureModel[] grown, TrainingView view, double penalty, FittedModel prior,
                              LeafOptimiser.Loss loss) {
        if (view == null) {
            throw new IllegalStateException("the optimise step needs the training rows");
        }
        checkLeafCount(grown);
        int[][] leaves = view.leaves(grown);
        FittedModel pull = pull(prior);
        double[][] targets = pull == null ? null : new double[grown.length][];
        for (int j = 0; pull != null && j < grown.length; j++) {
            targets[j] = priorTargets(grown[j], leaves[j], view, pull);
        }
        LeafOptimiser.Layout layout = layout(grown, loss, targets);
        return scored(grown, LeafOptimiser.fit(layout, LeafOptimiser.inMemory(layout, leaves, view.y()), penalty));
    }

    /** The model a segment's scores are pulled toward: its prior when optimised (a reference model's scores are on another scale). */
    static FittedModel pull(FittedModel prior) {
        return prior != null && prior.optimised() ? prior : null;
    }

    /** The unknowns of the optimise step on grown features: every leaf with rows, but a missing leaf with ignore_nan. */
    static LeafOptimiser.Layout layout(FeatureModel[] grown, LeafOptimiser.Loss loss, double[][] targets) {
        boolean[][] free = new boolean[grown.length][];
        boolean[] ordered = new boolean[grown.length];
        for (int j = 0; j < grown.length; j++) {
            List<Leaf> l = grown[j].leaves;
            free[j] = new boolean[l.size()];
            for (int i = 0; i < free[j].length; i++) {
                free[j][i] = l.get(i).count() > 0 && !(l.get(i).missing() && grown[j].params.ignoreNan());
            }
            ordered[j] = grown[j].numeric();
        }
        return new LeafOptimiser.Layout(loss, free, ordered, targets);
    }

    static Optimised scored(FeatureModel[] grown, LeafOptimiser.Result r) {
        FeatureModel[] scored = new FeatureModel[grown.length];
        for (int j = 0; j < grown.length; j++) {
            scored[j] = grown[j].withScores(r.scores()[j]);
        }
        return new Optimised(scored, r.intercept(), r.penalty());
    }

    /** Per feature, the leaf of each of some rows of a table (as scoring finds it). */
    int[][] leaves(Table data, int[] rows) {
        Column<?>[] columns = columns(data);
        int[][] out = new int[models.length][rows.length];
        for (int j = 0; j < models.length; j++) {
            models[j].leaves(columns[j], rows, 0, rows.length, out[j]);
        }
        return out;
    }

    /** Most leaves the optimise step fits jointly: its Hessian is a dense square of that size. */
    static final int MAX_OPTIMISED_LEAVES = 2500;

    /** Refuses a model too wide to optimise, naming the feature with the most leaves. */
    static void checkLeafCount(FeatureModel[] models) {
        int total = 0;
        FeatureModel widest = models[0];
        for (FeatureModel m : models) {
            total += m.leaves.size();
            widest = m.leaves.size() > widest.leaves.size() ? m : widest;
        }
        if (total > MAX_OPTIMISED_LEAVES) {
            throw new PartitaException("optimise=true fits all leaf scores jointly, at most " + MAX_OPTIMISED_LEAVES
                    + " of them; this model has " + total + ", " + widest.leaves.size() + " in '" + widest.name
                    + "'" + (widest.numeric() ? "" : " (one per category, and the missing-value leaf)")
                    + ". Leave such a feature out (an id, a free-text column), lower max_depth, or train with"
                    + " optimise=false.");
        }
    }

    /** Per leaf, the mean contribution the prior model gives the leaf's training rows (null: prior lacks the feature). */
    private static double[] priorTargets(FeatureModel model, int[] leaves, TrainingView view, FittedModel prior) {
        int j = prior.features.indexOf(model.name);
        if (j < 0) {
            return null;
        }
        FeatureModel p = prior.models[j];
        TrainingData.PreparedColumn column = view.data().column(model.name);
        int[] priorLeafOfCode = p.leafOfCodes(column);
        int[] codes = column.codes();
        int[] rows = view.rows();
        double[] contribution = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int c = codes[rows[i]];
            contribution[i] = p.score(c < 0 ? p.missingLeaf() : priorLeafOfCode[c]);
        }
        return PriorSums.of(model.leaves.size(), leaves, contribution).means();
    }

    /** The refused refit of an optimised model without its training rows. */
    PartitaException noTrainingRows(String step) {
        return new PartitaException("This " + Kind.of((TransparentModel) this).label()
                + " has no training data in memory (it was loaded from a file), and its refit re-runs " + step
                + " over the training rows. Attach the table it was trained on first:"
                + " model.withTrainingData(table).refit(p -> p.maxDepth(4), features...).");
    }

    FeatureModel model(String feature) {
        for (FeatureModel m : models) {
            if (m.name.equals(feature)) {
                return m;
            }
        }
        throw PartitaException.unknownName("feature", feature, features);
    }

    public Map<String, Double> featureImportances() {
        double[] w = new double[models.length];
        double total = 0;
        for (int j = 0; j < models.length; j++) {
            w[j] = models[j].importanceWeight();
            total += w[j];
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < models.length; j++) {
            out.put(models[j].name, total == 0 ? 0.0 : w[j] / total);
        }
        return out;
    }

    public List<Explanation> explain(Table data) {
        Column<?>[] columns = columns(data);
        List<Explanation> out = new ArrayList<>(data.rowCount());
        for (int r = 0; r < data.rowCount(); r++) {
            out.add(explain(columns, r));
        }
        return out;
    }

    public Explanation explain(Table data, int row) {
        Columns.rowsOrAll(new int[] {row}, data.rowCount());
        return explain(columns(data), row);
    }

    private Explanation explain(Column<?>[] columns, int row) {
        List<Contribution> contributions = new ArrayList<>(models.length);
        double s = 0;
        for (int j = 0; j < models.length; j++) {
            FeatureModel m = models[j];
            int leaf = m.leafOf(columns[j], row);
            double c = m.score(leaf);
            s += c;
            contributions.add(new Contribution(m.name, Columns.value(columns[j], row), m.leaves.get(leaf), c));
        }
        s += baseValue;
        return new Explanation(baseValue, contributions, s, probaOf(s));
    }

    /** Per-feature data for {@link TransparentModel#snapshot()}. */
    List<FeatureData> featureData() {
        return Arrays.stream(models).map(m -> new FeatureData(m.name, m.params, m.stats, m.leaves)).toList();
    }

    /** Calibrated probability of a score, NaN for regressors. */
    abstract double probaOf(double score);

    /** Refit parameters with the fit-time alpha: candidate splits are fixed once fitted. */
    Params keepAlpha(Params p) {
        return p.alpha() == params.alpha() ? p : p.toBuilder().alpha(params.alpha()).build();
    }

    /**
     * Per-feature parameters after a refit of the given features (none = all) with {@code p},
     * refusing a change of the whole-model settings (optimise, penalty) on only some features.
     */
    Params[] refitParams(Params p, String... names) {
        if (names.length > 0 && (p.optimise() != params.optimise()
                || Double.compare(p.penalty(), params.penalty()) != 0)) {
            throw new PartitaException("optimise and penalty apply to the whole model, not to some features: refit"
                    + " all features to change them (no feature names), or keep them as they are"
                    + " (model.params().toBuilder()...).");
        }
        Params[] out = new Params[models.length];
        for (int j = 0; j < models.length; j++) {
            out[j] = names.length == 0 ? p : models[j].params;
        }
        for (String name : names) {
            int j = features.indexOf(name);
            if (j < 0) {
                throw PartitaException.unknownName("feature", name, features);
            }
            out[j] = p;
        }
        return out;
    }

    /** Leaves with raw scores for every feature, grown in parallel from the kept statistics. */
    @SuppressWarnings("unchecked")
    static List<Leaf>[] grow(SplitStats[] stats, Params[] params, int n, double targetMean, boolean classifier) {
        List<Leaf>[] out = new List[stats.length];
        IntStream.range(0, stats.length).parallel()
                .forEach(j -> out[j] = Splits.grow(stats[j], params[j], n, targetMean, classifier));
        return out;
    }

    SplitStats[] stats() {
        return Arrays.stream(models).map(m -> m.stats).toArray(SplitStats[]::new);
    }

    /** The rows split statistics cover, checked for a fit from them: the reference method, some features, the same rows. */
    static int countedRows(Params params, List<String> names, SplitStats[] stats) {
        if (params.optimise()) {
            throw new PartitaException("optimise=true fits the leaf scores over the training rows, so it cannot fit"
                    + " from aggregated statistics alone. Grow the leaves with optimise=false, then fit the scores with"
                    + " OptimiseStep over the rows.");
        }
        if (stats.length == 0 || names.size() != stats.length) {
            throw new PartitaException("Give the split statistics of at least one feature, one per feature name.");
        }
        int n = rows(stats[0]);
        for (int j = 0; j < stats.length; j++) {
            if (rows(stats[j]) != n) {
                throw new PartitaException("The split statistics cover different rows: feature '" + names.get(j)
                        + "' has " + rows(stats[j]) + ", feature '" + names.get(0) + "' " + n + ". Count every"
                        + " feature over the same rows.");
            }
        }
        if (n == 0) {
            throw new PartitaException("The split statistics cover no rows: there is nothing to fit on.");
        }
        return n;
    }

    private static int rows(SplitStats s) {
        return s.missingCount() + (s instanceof SplitStats.Numeric n ? n.count()
                : java.util.Arrays.stream(((SplitStats.Categorical) s).counts()).sum());
    }

    /** The rows value counts cover, checked for a fit from them: the reference method, some features, the same rows. */
    static int countedRows(Params params, List<ValueCounts> counts) {
        if (params.optimise()) {
            throw new PartitaException("optimise=true fits the leaf scores over the training rows, so it cannot fit"
                    + " from aggregated statistics alone. Grow the leaves with optimise=false, then fit the scores with"
                    + " OptimiseStep over the rows.");
        }
        if (counts.isEmpty()) {
            throw new PartitaException("No features: give the value counts of at least one feature.");
        }
        int n = counts.get(0).rows();
        for (ValueCounts c : counts) {
            if (c.rows() != n) {
                throw new PartitaException("The value counts cover different rows: feature '" + c.feature() + "' has "
                        + c.rows() + ", feature '" + counts.get(0).feature() + "' " + n + ". Count every feature over"
                        + " the same rows.");
            }
        }
        if (n == 0) {
            throw new PartitaException("The value counts cover no rows: there is nothing to fit on.");
        }
        return n;
    }

    static Params[] same(Params p, int k) {
        Params[] out = new Params[k];
        Arrays.fill(out, p);
        return out;
    }
}
