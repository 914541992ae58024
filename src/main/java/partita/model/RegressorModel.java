package partita.model;

import java.util.List;
import java.util.function.UnaryOperator;

import partita.PartitaException;
import partita.eval.Metrics;
import partita.eval.RegressionReport;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A fitted transparent regressor: leaf scores are raw scores times ridge coefficients and the
 * base value is the ridge intercept (docs/algorithm.md section 7), or, optimised (section 11),
 * leaf scores and base value fitted jointly by penalised least squares; predictions may be
 * clipped to a range.
 */
public final class RegressorModel extends FittedModel implements TransparentModel {

    private static final double RIDGE_ALPHA = 1;

    private final double lower;
    private final double upper;

    RegressorModel(Params params, String target, FeatureModel[] models, double targetMean, double baseValue,
                   int trainingRows, double lower, double upper, TrainingView training, double penalty,
                   FittedModel prior) {
        super(params, target, models, targetMean, baseValue, trainingRows, training, penalty, prior);
        this.lower = lower;
        this.upper = upper;
    }

    static RegressorModel fit(Params params, TrainingData data, int[] rows, List<String> features,
                              RegressorModel prior) {
        TrainingView view = TrainingView.of(data, rows, false);
        List<String> names = view.features(features);
        SplitStats[] stats = view.stats(names, params.alpha());
        return build(params, data.target(), names, same(params, names.size()), stats, view.targetMean(), view,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, prior);
    }

    /**
     * Grows leaves from the statistics, then scores them over the training rows: with the ridge
     * step, or optimised (penalised least squares of the target on the leaves).
     */
    static RegressorModel build(Params params, String target, List<String> names, Params[] featureParams,
                                SplitStats[] stats, double targetMean, TrainingView view, double lower,
                                double upper, FittedModel prior) {
        List<Leaf>[] raw = grow(stats, featureParams, view.n(), targetMean, false);
        FeatureModel[] models = new FeatureModel[raw.length];
        for (int j = 0; j < raw.length; j++) {
            models[j] = new FeatureModel(names.get(j), featureParams[j], stats[j], raw[j]);
        }
        if (params.optimise()) {
            Optimised o = optimise(models, view, params.penalty(), prior, LeafOptimiser.Loss.SQUARED);
            return new RegressorModel(params, target, o.models(), targetMean, o.intercept(), view.n(), lower, upper, view,
                    o.penalty(), prior);
        }
        return ridge(params, target, models, targetMean, view.n(), leafCounts(models, view), lower, upper, view);
    }

    /** See {@link XRegressor#grow}. */
    static RegressorModel grow(Params params, String target, List<ValueCounts> counts) {
        FittedModel.countedRows(params, counts);
        double sum = 0;
        for (double s : counts.get(0).sums()) {
            sum += s;
        }
        return grow(params, target, counts.stream().map(ValueCounts::feature).toList(),
                counts.stream().map(c -> c.splitStats(params.alpha())).toArray(SplitStats[]::new),
                sum + counts.get(0).missingSum());
    }

    /** See {@link XRegressor#grow(String, List, List, double)}. */
    static RegressorModel grow(Params params, String target, List<String> names, SplitStats[] stats,
                               double targetSum) {
        int n = FittedModel.countedRows(params, names, stats);
        double mean = targetSum / n;
        Params[] featureParams = same(params, names.size());
        List<Leaf>[] raw = grow(stats, featureParams, n, mean, false);
        FeatureModel[] models = new FeatureModel[raw.length];
        for (int j = 0; j < raw.length; j++) {
            models[j] = new FeatureModel(names.get(j), featureParams[j], stats[j], raw[j]);
        }
        return new RegressorModel(params, target, models, mean, mean, n, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, null, Double.NaN, null);
    }

    /** This grown model's leaves with the scores of the optimise step (see {@link OptimiseStep#fit}). */
    RegressorModel optimised(Params params, Optimised o, FittedModel prior) {
        return new RegressorModel(params, target, o.models(), targetMean, o.intercept(), trainingRows, lower, upper,
                null, o.penalty(), prior);
    }

    /** See {@link XRegressor#fit(RegressorModel, LeafCounts)}. */
    RegressorModel ridge(LeafCounts counts) {
        if (counts.rows() != trainingRows) {
            throw new PartitaException("The leaf counts cover " + counts.rows() + " rows, the value counts the model"
                    + " grew from " + trainingRows + ". Count the leaves over the same rows.");
        }
        return ridge(params, target, models, targetMean, trainingRows, counts, lower, upper, null);
    }

    /** The ridge step: each grown feature's raw leaf scores times their ridge coefficients. */
    private static RegressorModel ridge(Params params, String target, FeatureModel[] grown, double targetMean, int n,
                                        LeafCounts counts, double lower, double upper, TrainingView view) {
        double[][] rawScores = new double[grown.length][];
        for (int j = 0; j < grown.length; j++) {
            rawScores[j] = grown[j].leaves.stream().mapToDouble(Leaf::rawScore).toArray();
        }
        Ridge ridge = Ridge.fit(rawScores, counts, RIDGE_ALPHA);
        FeatureModel[] models = new FeatureModel[grown.length];
        for (int j = 0; j < grown.length; j++) {
            double[] scores = new double[rawScores[j].length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = rawScores[j][i] * ridge.coefficients()[j][i];
            }
            models[j] = grown[j].withScores(scores);
        }
        return new RegressorModel(params, target, models, targetMean, ridge.intercept(), n, lower, upper, view,
                Double.NaN, null);
    }

    private static LeafCounts leafCounts(FeatureModel[] models, TrainingView view) {
        return LeafCounts.of(java.util.Arrays.stream(models).mapToInt(m -> m.leaves.size()).toArray(),
                view.leaves(models), view.y());
    }

    /**
     * The leaf counts of some rows of a table under this model's leaves, {@code y} their targets
     * (finite, in the order of {@code rows}): what the ridge step reads, for one chunk of a
     * distributed table.
     */
    public LeafCounts leafCounts(Table data, int[] rows, double[] y) {
        return LeafCounts.of(java.util.Arrays.stream(models).mapToInt(m -> m.leaves.size()).toArray(),
                leaves(data, rows), y);
    }

    @Override
    public String scoreScale() {
        return optimised() ? "target units (leaf scores by penalised least squares)" : "target units (leaf scores by the ridge step)";
    }

    @Override
    double probaOf(double score) {
        return Double.NaN;
    }

    /** Predictions clipped to {@link #predictionRange()}. */
    public double[] predict(Table data) {
        return predict(data, null);
    }

    /** Predictions of the given rows, clipped to {@link #predictionRange()}. */
    public double[] predict(Table data, int[] rows) {
        double[] s = predictScore(data, rows);
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.min(upper, Math.max(lower, s[i]));
        }
        return s;
    }

    /** [lower, upper] that predictions are clipped to; (-inf, +inf) unless set. */
    public double[] predictionRange() {
        return new double[] {lower, upper};
    }

    public RegressorModel withPredictionRange(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
            throw new PartitaException("Prediction range [" + lo + ", " + hi + "] is not a range: give two numbers"
                    + " with lower <= upper (use -Infinity/Infinity for an open side).");
        }
        return new RegressorModel(params, target, models, targetMean, baseValue, trainingRows, lo, hi, training,
                penalty, prior);
    }

    public RegressionReport evaluate(Table data, String targetColumn) {
        Column<?> t = Columns.column(data, targetColumn, "target");
        if (!Columns.isNumeric(t)) {
            throw new PartitaException("The target column '" + targetColumn + "' has type " + t.type().name()
                    + ", not numeric. Evaluate the regressor against its numeric target.");
        }
        double[] y = Columns.doubles(t);
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                throw new PartitaException("The target column '" + targetColumn + "' has a missing value at row " + i
                        + ". Drop rows without a target before evaluating.");
            }
        }
        return Metrics.regressionReport(y, predict(data));
    }

    /**
     * Re-grows the given features (none = all) with new parameters and re-runs the ridge step (or
     * the optimise step), which needs the training rows: a model loaded from a file must get them
     * first with {@link #withTrainingData(Table)}.
     */
    @Override
    public RegressorModel refit(UnaryOperator<Params.Builder> change, String... names) {
        Params p = keepAlpha(change.apply(params.toBuilder()).build());
        Params[] featureParams = refitParams(p, names);
        Params model = names.length == 0 ? p : params;
        if (training == null) {
            throw noTrainingRows(model.optimise() ? "the optimise step" : "its ridge step");
        }
        return build(model, target, features, featureParams, stats(), targetMean, training, lower, upper, prior);
    }

    @Override
    public ModelData snapshot() {
        return new ModelData(ModelData.REGRESSOR, params, target, List.of(), featureData(), targetMean, baseValue,
                trainingRows, null, lower, upper, penalty);
    }

    @Override
    public RegressorModel withTrainingData(Table data) {
        return withTrainingData(TrainingData.forRegression(data, target, features), null);
    }

    @Override
    public RegressorModel withTrainingData(TrainingData data, int[] rows) {
        return withTrainingData(data, rows, (TransparentModel) prior);
    }

    @Override
    public RegressorModel withTrainingData(TrainingData data, int[] rows, TransparentModel newPrior) {
        Attached a = attach(data, rows, false);
        return new RegressorModel(params, target, a.models(), targetMean, baseValue, trainingRows, lower, upper,
                a.view(), penalty, (FittedModel) newPrior);
    }
}
