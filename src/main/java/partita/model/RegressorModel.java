package partita.model;

import java.util.List;

import partita.PartitaException;
import partita.eval.Metrics;
import partita.eval.RegressionReport;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A fitted transparent regressor: leaf scores are raw scores times ridge coefficients and the
 * base value is the ridge intercept (algorithm.md section 7); predictions may be clipped to a
 * range.
 */
public final class RegressorModel extends FittedModel implements TransparentModel {

    private static final double RIDGE_ALPHA = 1;

    private final double lower;
    private final double upper;

    RegressorModel(Params params, String target, FeatureModel[] models, double targetMean, double baseValue,
                   int trainingRows, double lower, double upper, TrainingView training) {
        super(params, target, models, targetMean, baseValue, trainingRows, training);
        this.lower = lower;
        this.upper = upper;
    }

    static RegressorModel fit(Params params, TrainingData data, int[] rows, List<String> features) {
        TrainingView view = TrainingView.of(data, rows, false);
        List<String> names = view.features(features);
        SplitStats[] stats = view.stats(names, params.alpha());
        return build(params, data.target(), names, same(params, names.size()), stats, view.targetMean(), view,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Grows leaves from the statistics, then scores them with the ridge step over the training rows. */
    static RegressorModel build(Params params, String target, List<String> names, Params[] featureParams,
                                SplitStats[] stats, double targetMean, TrainingView view, double lower,
                                double upper) {
        List<Leaf>[] raw = grow(stats, featureParams, view.n(), targetMean, false);
        FeatureModel[] models = new FeatureModel[raw.length];
        double[][] rawScores = new double[raw.length][];
        for (int j = 0; j < raw.length; j++) {
            models[j] = new FeatureModel(names.get(j), featureParams[j], stats[j], raw[j]);
            rawScores[j] = raw[j].stream().mapToDouble(Leaf::rawScore).toArray();
        }
        Ridge ridge = Ridge.fit(rawScores, view.leaves(models), view.y(), RIDGE_ALPHA);
        for (int j = 0; j < raw.length; j++) {
            double[] scores = new double[rawScores[j].length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = rawScores[j][i] * ridge.coefficients()[j][i];
            }
            models[j] = models[j].withScores(scores);
        }
        return new RegressorModel(params, target, models, targetMean, ridge.intercept(), view.n(), lower, upper, view);
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
        return new RegressorModel(params, target, models, targetMean, baseValue, trainingRows, lo, hi, training);
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
     * Re-grows the given features (none = all) with new parameters and re-runs the ridge step,
     * which needs the training rows: a model loaded from a file must get them first with
     * {@link #withTrainingData(Table)}.
     */
    @Override
    public RegressorModel refit(Params newParams, String... names) {
        Params p = keepAlpha(newParams);
        Params[] featureParams = refitParams(p, names);
        if (training == null) {
            throw new PartitaException("This regressor has no training data in memory (it was loaded from a file),"
                    + " and a regressor refit re-runs its ridge step over the training rows. Attach the table it was"
                    + " trained on first: model.withTrainingData(table).refit(params, features...).");
        }
        return build(names.length == 0 ? p : params, target, features, featureParams, stats(), targetMean,
                training, lower, upper);
    }

    @Override
    public ModelData snapshot() {
        return new ModelData(ModelData.REGRESSOR, params, target, List.of(), featureData(), targetMean, baseValue,
                trainingRows, null, lower, upper);
    }

    @Override
    public RegressorModel withTrainingData(Table data) {
        return withTrainingData(TrainingData.forRegression(data, target, features), null);
    }

    @Override
    public RegressorModel withTrainingData(TrainingData data, int[] rows) {
        return new RegressorModel(params, target, models, targetMean, baseValue, trainingRows, lower, upper,
                attach(data, rows, false));
    }
}
