package partita.eval;

import java.util.Arrays;

import partita.PartitaException;

/**
 * Evaluation metrics on (y, p): y the truth (0/1 for classifiers), p the prediction. Same
 * conventions as scikit-learn (log loss clips p to [1e-15, 1 - 1e-15]; MAPE divides by
 * max(|y|, machine epsilon)).
 */
public final class Metrics {

    private static final double LOG_LOSS_EPS = 1e-15;
    private static final double MAPE_EPS = Math.ulp(1.0);

    private Metrics() {
    }

    /** ROC AUC: probability that a random positive scores above a random negative (ties count half). */
    public static double auc(double[] y, double[] p) {
        check(y, p);
        double[] pos = Arrays.stream(indices(y, 1)).mapToDouble(i -> p[i]).toArray();
        double[] neg = Arrays.stream(indices(y, 0)).mapToDouble(i -> p[i]).toArray();
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN; // undefined with one class only
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double wins = 0;
        int below = 0;
        int equalEnd = 0;
        for (double v : pos) {
            while (below < neg.length && neg[below] < v) {
                below++;
            }
            equalEnd = Math.max(equalEnd, below);
            while (equalEnd < neg.length && neg[equalEnd] == v) {
                equalEnd++;
            }
            wins += below + 0.5 * (equalEnd - below);
        }
        return wins / ((double) pos.length * neg.length);
    }

    /**
     * ROC AUC from grouped rows: distinct prediction values (ascending) with the negatives and
     * positives at each; the same number as {@link #auc(double[], double[])} on the rows (every
     * term is a whole or half count, so the sums are exact).
     */
    public static double auc(double[] values, long[] negatives, long[] positives) {
        long neg = 0;
        long pos = 0;
        for (int i = 0; i < values.length; i++) {
            neg += negatives[i];
            pos += positives[i];
        }
        double wins = 0;
        long below = 0;
        for (int i = 0; i < values.length; i++) {
            wins += positives[i] * (below + 0.5 * negatives[i]);
            below += negatives[i];
        }
        return auc(wins, neg, pos);
    }

    /**
     * ROC AUC from its wins (over positives: the negatives below them, ties counting half) and the
     * class counts; the wins of consecutive runs of values add (a distributed sort counts them
     * partition by partition), and exactly, being whole or half counts.
     */
    public static double auc(double wins, long negatives, long positives) {
        return negatives == 0 || positives == 0 ? Double.NaN : wins / ((double) positives * negatives);
    }

    /** Share of rows where (p &gt; threshold) equals y. */
    public static double accuracy(double[] y, double[] p, double threshold) {
        check(y, p);
        long right = 0;
        for (int i = 0; i < y.length; i++) {
            right += ((p[i] > threshold ? 1 : 0) == y[i]) ? 1 : 0;
        }
        return (double) right / y.length;
    }

    public static double logLoss(double[] y, double[] p) {
        check(y, p);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double q = Math.min(Math.max(p[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            sum -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
        }
        return sum / y.length;
    }

    public static double brier(double[] y, double[] p) {
        check(y, p);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = p[i] - y[i];
            sum += d * d;
        }
        return sum / y.length;
    }

    public static double mae(double[] y, double[] p) {
        check(y, p);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += Math.abs(y[i] - p[i]);
        }
        return sum / y.length;
    }

    public static double rmse(double[] y, double[] p) {
        check(y, p);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - p[i];
            sum += d * d;
        }
        return Math.sqrt(sum / y.length);
    }

    /** Coefficient of determination; 1 for a perfect fit of a constant target, else 0 for a constant target. */
    public static double r2(double[] y, double[] p) {
        check(y, p);
        double mean = mean(y);
        double res = 0;
        double tot = 0;
        for (int i = 0; i < y.length; i++) {
            res += (y[i] - p[i]) * (y[i] - p[i]);
            tot += (y[i] - mean) * (y[i] - mean);
        }
        return r2(res, tot);
    }

    /** R² from the residual and total sums of squares (1 for a perfect fit of a constant target, else 0 then). */
    public static double r2(double residual, double total) {
        if (total == 0) {
            return residual == 0 ? 1 : 0;
        }
        return 1 - residual / total;
    }

    /** Mean absolute percentage error as a fraction (0.1 = 10 %). */
    public static double mape(double[] y, double[] p) {
        check(y, p);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += Math.abs(y[i] - p[i]) / Math.max(Math.abs(y[i]), MAPE_EPS);
        }
        return sum / y.length;
    }

    /** 1 - Var(y - p) / Var(y). */
    public static double explainedVariance(double[] y, double[] p) {
        check(y, p);
        double[] residual = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            residual[i] = y[i] - p[i];
        }
        double vy = variance(y);
        double vr = variance(residual);
        if (vy == 0) {
            return vr == 0 ? 1 : 0;
        }
        return 1 - vr / vy;
    }

    /**
     * All classifier metrics: AUC on the scores, accuracy and the confusion matrix on
     * score &gt; threshold, log loss and Brier score on the calibrated probabilities.
     */
    /**
     * The classifier report of probabilities: AUC, log loss and Brier on them; accuracy, the
     * confusion matrix, precision, recall and F1 of the positive label at probability 0.5.
     */
    public static ClassificationReport classificationReport(double[] y, double[] proba) {
        check(y, proba);
        long[][] confusion = new long[2][2];
        for (int i = 0; i < y.length; i++) {
            confusion[y[i] == 1 ? 1 : 0][proba[i] > 0.5 ? 1 : 0]++;
        }
        long tp = confusion[1][1];
        long fp = confusion[0][1];
        long fn = confusion[1][0];
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassificationReport(y.length, auc(y, proba), accuracy(y, proba, 0.5), logLoss(y, proba),
                brier(y, proba), precision, recall, f1, confusion);
    }

    public static RegressionReport regressionReport(double[] y, double[] p) {
        return new RegressionReport(y.length, mae(y, p), rmse(y, p), r2(y, p), mape(y, p), explainedVariance(y, p));
    }

    private static int[] indices(double[] y, double label) {
        int[] out = new int[y.length];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == label) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / v.length;
    }

    private static void check(double[] y, double[] p) {
        if (y.length != p.length) {
            throw new PartitaException("Metrics need one prediction per row: got " + y.length + " targets and "
                    + p.length + " predictions.");
        }
        if (y.length == 0) {
            throw new PartitaException("Metrics need at least one row; the evaluation data is empty.");
        }
    }
}
