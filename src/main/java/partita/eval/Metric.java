package partita.eval;

import java.util.List;
import java.util.Locale;

import partita.PartitaException;

/**
 * A metric of predictions on labelled rows: its name, its direction and how it is computed.
 * Every comparison, cross-validation, guard, monitor and evaluation uses these, each metric
 * on the same input everywhere (see {@link Predictions}): AUC, accuracy (at 0.5) and log loss on
 * the calibrated probability of the positive label, MAE, RMSE and R² on the regressor's clipped
 * predictions.
 */
public enum Metric {
    AUC("auc", true),
    ACCURACY("accuracy", true),
    LOG_LOSS("log_loss", false),
    MAE("mae", false),
    RMSE("rmse", false),
    R2("r2", true);

    private final String label;
    private final boolean higherIsBetter;

    Metric(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name tables and magics use: auc, accuracy, log_loss, mae, rmse, r2. */
    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** True when {@code a} is better than {@code b} on this metric. */
    public boolean better(double a, double b) {
        return higherIsBetter ? a > b : a < b;
    }

    /** {@code a - b} signed so that positive means {@code a} is better. */
    public double gain(double a, double b) {
        return higherIsBetter ? a - b : b - a;
    }

    /** The metric of the predictions; NaN without rows, or for AUC with one class. */
    public double of(Predictions p) {
        if (p.rows() == 0) {
            return Double.NaN;
        }
        return switch (this) {
            case AUC -> Metrics.auc(p.truth(), p.values());
            case ACCURACY -> Metrics.accuracy(p.truth(), p.values(), 0.5);
            case LOG_LOSS -> Metrics.logLoss(p.truth(), p.values());
            case MAE -> Metrics.mae(p.truth(), p.values());
            case RMSE -> Metrics.rmse(p.truth(), p.values());
            case R2 -> Metrics.r2(p.truth(), p.values());
        };
    }

    /** The metric named {@code text} (its label, any case) among {@code allowed}, or an error listing them. */
    public static Metric parse(String text, List<Metric> allowed, String what) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Metric m : allowed) {
            if (m.label.equals(t)) {
                return m;
            }
        }
        throw PartitaException.unknownName(what, t, allowed.stream().map(Metric::label).toList());
    }

    @Override
    public String toString() {
        return label;
    }

    /** Labels of the metrics, in order. */
    public static List<String> labels(List<Metric> metrics) {
        return metrics.stream().map(Metric::label).toList();
    }
}
