package partita.model;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import partita.PartitaException;
import partita.eval.Metric;
import partita.eval.Predictions;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Classifier (binary target) or regressor (numeric target): the one place that owns what
 * differs between them: how a target is read, the estimator, the metrics, the headline metric,
 * the loss, and the predictions metrics are computed on.
 */
public enum Kind {
    CLASSIFIER, REGRESSOR;

    /**
     * The kind a target suggests, from its column type first: a numeric column is a regression
     * target unless it holds exactly two distinct values (such as 0/1); text and boolean columns
     * are classification targets. (A numeric column with one value, e.g. a 1-row table, is a
     * regression target, not a one-label classifier.)
     */
    public static Kind infer(Table data, String target) {
        Column<?> t = Columns.column(data, target, "target");
        if (t instanceof NumericColumn<?> n) {
            Set<Double> distinct = new HashSet<>();
            for (int i = 0; i < n.size() && distinct.size() <= 2; i++) {
                if (!Columns.isMissing(n, i)) {
                    distinct.add(n.getDouble(i));
                }
            }
            return distinct.size() == 2 ? CLASSIFIER : REGRESSOR;
        }
        return CLASSIFIER;
    }

    /** The unfitted estimator of this kind with the given parameters. */
    public Estimator<?> estimator(Params params) {
        return this == CLASSIFIER ? new XClassifier(params) : new XRegressor(params);
    }

    /** The table prepared for fitting: target read as 0/1 by the labels (classifier) or as numbers. */
    public TrainingData prepare(Table data, String target, List<String> features) {
        return this == CLASSIFIER ? TrainingData.forClassification(data, target, features)
                : TrainingData.forRegression(data, target, features);
    }

    /**
     * A target column read row by row, NaN where missing: 0/1 by the labels (classifier) or its
     * numbers (regressor, which needs a numeric column).
     */
    public double[] read(Column<?> target, List<Object> labels) {
        if (this == CLASSIFIER) {
            return Labels.read(target, labels);
        }
        if (!Columns.isNumeric(target)) {
            throw new PartitaException("The regressor target column '" + target.name() + "' has type "
                    + target.type().name() + ", not numeric. Use a numeric target for a regressor (XRegressor), or XClassifier"
                    + " for a binary label.");
        }
        return Columns.doubles(target);
    }

    /** Metrics of comparisons, cross-validation and monitoring, in table order. */
    public List<Metric> metrics() {
        return this == CLASSIFIER ? List.of(Metric.AUC, Metric.ACCURACY, Metric.LOG_LOSS)
                : List.of(Metric.MAE, Metric.RMSE, Metric.R2);
    }

    /**
     * The headline metric: AUC or R² (both scale-free, higher is better). Training summaries,
     * verdicts of comparisons and cross-validation, monitoring alerts and charts use it.
     */
    public Metric headline() {
        return this == CLASSIFIER ? Metric.AUC : Metric.R2;
    }

    /** The proper loss guarded routing minimises: log loss of the probabilities, or RMSE. */
    public Metric loss() {
        return this == CLASSIFIER ? Metric.LOG_LOSS : Metric.RMSE;
    }

    /** This kind's metric named {@code text}, or an error listing them. */
    public Metric metric(String text) {
        return Metric.parse(text, metrics(), label() + " metric");
    }

    /**
     * The numbers every metric reads, for some rows of a table (null = all): the calibrated
     * probability of the positive label (classifier) or the clipped prediction (regressor).
     */
    public double[] values(TransparentModel model, Table data, int[] rows) {
        return model instanceof ClassifierModel c ? c.predictProba(data, rows) : ((RegressorModel) model).predict(data, rows);
    }

    /** What a model predicts on some rows (null = all) of a table whose targets, row by row, are {@code y}. */
    public Predictions predictions(TransparentModel model, Table data, int[] rows, double[] y) {
        return new Predictions(rows == null ? y : Predictions.pick(y, rows), values(model, data, rows));
    }

    /** The type of this kind's fitted models. */
    public Class<? extends TransparentModel> modelType() {
        return this == CLASSIFIER ? ClassifierModel.class : RegressorModel.class;
    }

    /** classifier / regressor. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code classifier} / {@code regressor} (case-insensitive). */
    public static Kind parse(String text) {
        String t = text == null ? "" : text.strip();
        for (Kind k : values()) {
            if (k.name().equalsIgnoreCase(t)) {
                return k;
            }
        }
        throw PartitaException.unknownName("model kind", t, List.of("classifier", "regressor"));
    }

    /** The kind of a fitted model. */
    public static Kind of(TransparentModel model) {
        return model instanceof ClassifierModel ? CLASSIFIER : REGRESSOR;
    }
}
