package partita.partition;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import partita.PartitaException;
import partita.model.Columns;
import partita.eval.Metrics;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Whether a partitioned model classifies (binary target) or regresses (numeric target). */
public enum Kind {
    CLASSIFIER, REGRESSOR;

    /**
     * The kind a target suggests, from its column type first: a numeric column is a regression
     * target unless it holds exactly two distinct values (such as 0/1); text and boolean columns
     * are classification targets. (A numeric column with one value, e.g. a 1-row table, is a
     * regression target, not a one-label classifier.)
     */
    public static Kind infer(Table data, String target) {
        Column<?> t = Target.column(data, target);
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

    /** Metrics of comparisons and monitoring: auc, accuracy, log_loss or mae, rmse, r2. */
    public List<String> metrics() {
        return this == CLASSIFIER ? List.of("auc", "accuracy", "log_loss") : List.of("mae", "rmse", "r2");
    }

    /** The metric of a model on its own training rows: AUC of its scores, or R². */
    public String trainingMetricName() {
        return this == CLASSIFIER ? "auc" : "r2";
    }

    double trainingMetric(double[] truth, double[] scores) {
        return metric(trainingMetricName(), truth, scores);
    }

    /** True for auc, accuracy and r2; false for log_loss, mae and rmse. */
    public static boolean higherIsBetter(String metric) {
        return metric.equals("auc") || metric.equals("accuracy") || metric.equals("r2");
    }

    /**
     * A metric of predictions p against the truth y: for a classifier p are probabilities
     * (accuracy at 0.5), for a regressor predicted values. NaN without rows, or for AUC with one class.
     */
    public double metric(String name, double[] y, double[] p) {
        if (y.length == 0) {
            return Double.NaN;
        }
        return switch (checkMetric(name)) {
            case "auc" -> Metrics.auc(y, p);
            case "accuracy" -> Metrics.accuracy(y, p, 0.5);
            case "log_loss" -> Metrics.logLoss(y, p);
            case "mae" -> Metrics.mae(y, p);
            case "rmse" -> Metrics.rmse(y, p);
            default -> Metrics.r2(y, p);
        };
    }

    /** The metric name if this kind has it, else an error listing the valid ones. */
    public String checkMetric(String name) {
        if (name == null || !metrics().contains(name)) {
            throw PartitaException.unknownName(name().toLowerCase(java.util.Locale.ROOT) + " metric",
                    String.valueOf(name), metrics());
        }
        return name;
    }

    /** Parses {@code classifier} / {@code regressor} (case-insensitive). */
    public static Kind parse(String text) {
        return Enums.parse(values(), text, "model kind");
    }
}
