package partita.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import partita.PartitaException;

class MetricsTest {

    private final double[] y = {0, 0, 1, 1, 0, 1};
    private final double[] p = {0.1, 0.4, 0.35, 0.8, 0.4, 0.4};

    @Test
    void aucCountsTiesAsHalf() {
        // positives 0.35, 0.8, 0.4 vs negatives 0.1, 0.4, 0.4: wins 1 + 3 + (1 + 2 * 0.5) = 6 of 9
        assertEquals(6.0 / 9, Metrics.auc(y, p), 1e-15);
        assertEquals(1.0, Metrics.auc(new double[] {0, 1}, new double[] {0.2, 0.3}));
        assertEquals(0.5, Metrics.auc(new double[] {0, 1}, new double[] {0.3, 0.3}));
        assertEquals(Double.NaN, Metrics.auc(new double[] {1, 1}, new double[] {0.2, 0.3}));
    }

    @Test
    void classificationMetrics() {
        assertEquals(3.0 / 6, Metrics.accuracy(y, p, 0.38), 1e-15);
        double ll = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8) + Math.log(0.6) + Math.log(0.4)) / 6;
        assertEquals(ll, Metrics.logLoss(y, p), 1e-12);
        assertEquals(-Math.log(1e-15), Metrics.logLoss(new double[] {1}, new double[] {0}), 1e-9); // clipped
        double brier = (0.01 + 0.16 + 0.4225 + 0.04 + 0.16 + 0.36) / 6;
        assertEquals(brier, Metrics.brier(y, p), 1e-15);
        double[] shifted = java.util.Arrays.stream(p).map(v -> v + 0.12).toArray(); // threshold 0.38 as 0.5
        ClassificationReport r = Metrics.classificationReport(y, shifted);
        // predicted positive: 0.4, 0.8, 0.4, 0.4 -> tp 2 (0.8, 0.4 at index 5), fp 2, fn 1, tn 1
        assertArrayEquals(new long[] {1, 2}, r.confusion()[0]);
        assertArrayEquals(new long[] {1, 2}, r.confusion()[1]);
        assertEquals(0.5, r.precision());
        assertEquals(2.0 / 3, r.recall(), 1e-15);
        assertEquals(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), r.f1(), 1e-15);
        assertEquals(6, r.rows());
        assertEquals(12, r.asMap().size());
    }

    @Test
    void regressionMetrics() {
        double[] t = {3, -0.5, 2, 7};
        double[] q = {2.5, 0.0, 2, 8};
        assertEquals(0.5, Metrics.mae(t, q), 1e-15);
        assertEquals(Math.sqrt(0.375), Metrics.rmse(t, q), 1e-15);
        assertEquals(0.9486081370449679, Metrics.r2(t, q), 1e-15); // scikit-learn's documented example
        assertEquals(0.9571734475374732, Metrics.explainedVariance(t, q), 1e-15);
        assertEquals((0.5 / 3 + 0.5 / 0.5 + 0 + 1.0 / 7) / 4, Metrics.mape(t, q), 1e-15);
        RegressionReport r = Metrics.regressionReport(t, q);
        assertEquals(4, r.rows());
        assertEquals(0.5, r.asMap().get("mae"));
    }

    @Test
    void mismatchedLengthsAreErrors() {
        assertThrows(PartitaException.class, () -> Metrics.mae(new double[] {1}, new double[] {1, 2}));
        assertThrows(PartitaException.class, () -> Metrics.auc(new double[0], new double[0]));
    }
}
