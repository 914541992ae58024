package partita.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The calibration map of docs/algorithm.md section 7, including the empty-bin deviation. */
class CalibrationTest {

    /** Rows per bin with a given positive share: score = bin centre. */
    private static double[][] rows(int[] counts, double[] share) {
        List<double[]> out = new ArrayList<>();
        for (int b = 0; b < counts.length; b++) {
            int positives = (int) Math.round(counts[b] * share[b]);
            for (int i = 0; i < counts[b]; i++) {
                out.add(new double[] {(5 * b + 2.5) / 100, i < positives ? 1 : 0});
            }
        }
        double[][] sy = new double[2][out.size()];
        for (int i = 0; i < out.size(); i++) {
            sy[0][i] = out.get(i)[0];
            sy[1][i] = out.get(i)[1];
        }
        return sy;
    }

    /** The doc's formula, written plainly: blend, expand, centred truncated average. */
    private static double[] expected(double[] v) {
        double[] e = new double[101];
        for (int i = 0; i < 101; i++) {
            e[i] = v[Math.min(i / 5, 19)];
        }
        double[] m = new double[101];
        for (int i = 0; i < 101; i++) {
            double s = 0;
            int k = 0;
            for (int j = Math.max(0, i - 7); j <= Math.min(100, i + 7); j++) {
                s += e[j];
                k++;
            }
            m[i] = s / k;
        }
        return m;
    }

    private static double blend(int[] c, double[] t, int i) {
        double num = 0;
        double den = 0;
        for (int j = i - 1; j <= i + 1; j++) {
            if (j >= 0 && j < 20) {
                num += c[j] * t[j];
                den += c[j];
            }
        }
        return num / den;
    }

    private static void assertMap(double[] expected, double[] actual) {
        for (int i = 0; i < 101; i++) {
            assertEquals(expected[i], actual[i], 1e-12, "map[" + i + "]");
        }
    }

    @Test
    void allBinsOccupied() {
        int[] c = new int[20];
        double[] t = new double[20];
        for (int b = 0; b < 20; b++) {
            c[b] = 10 + b;
            t[b] = Math.round((b + 1) / 21.0 * c[b]) / (double) c[b];
        }
        double[][] sy = rows(c, t);
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = blend(c, t, i);
        }
        assertMap(expected(v), ClassifierModel.calibrationMap(sy[0], sy[1]));
    }

    @Test
    void emptyBinsStayInPlace() {
        int[] c = new int[20];
        double[] t = new double[20];
        for (int b = 0; b < 20; b++) {
            c[b] = 20;
            t[b] = b / 20.0;
        }
        c[0] = c[1] = c[2] = 0; // empty start: bins 0 and 1 have no rows in their window
        c[10] = 0;              // a lone empty bin blends its neighbours
        c[14] = c[15] = c[16] = 0; // bin 15's whole window is empty
        c[19] = 0;              // empty top bin (as adult_small)
        double[][] sy = rows(c, t);
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = blend(c, t, i);
        }
        assertEquals(Double.NaN, v[15]);
        v[15] = v[14];
        v[0] = v[2];
        v[1] = v[2];
        assertEquals((20 * t[9] + 20 * t[11]) / 40, v[10], 1e-15);
        assertEquals(t[18], v[19], 1e-15);
        assertMap(expected(v), ClassifierModel.calibrationMap(sy[0], sy[1]));
    }

    @Test
    void aMapOfOnlyPositivesStaysAProbability() {
        // counts 6, 23, 1 of positives blend to 6/30 + 23/30 + 1/30 = 1 + 1 ulp in doubles
        double[] scores = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            scores[i] = i < 6 ? 0.87 : i < 29 ? 0.92 : 0.97;
            y[i] = 1;
        }
        double[] map = ClassifierModel.calibrationMap(scores, y);
        assertEquals(1.0, java.util.Arrays.stream(map).max().orElseThrow(), 0.0);
        assertEquals(1.0, java.util.Arrays.stream(map).min().orElseThrow(), 0.0);
    }

    @Test
    void binEdgesAreRightClosedAndZeroFallsInNoBin() {
        // one positive at exactly 0.05 (bin 0), one negative just above (bin 1), a positive at 0 (no bin)
        double[] map = ClassifierModel.calibrationMap(new double[] {0.05, 0.05000000001, 0.0},
                new double[] {1, 0, 1});
        // bins 0 (t=1) and 1 (t=0): v0 = 1/2, v1 = 1/2, v2 = 0 (only bin 1), others copy v2
        double[] v = new double[20];
        v[0] = 0.5;
        v[1] = 0.5;
        assertMap(expected(v), map);
    }

    @Test
    void probaLooksUpTheTruncatedPercent() {
        ClassifierModel model = new XClassifier().fit(TestData.mixed(500, 5), "label",
                List.of("age", "city"));
        double[] map = model.calibrationMap();
        assertEquals(map[41], model.proba(0.4199999));
        assertEquals(map[42], model.proba(0.42));
        assertEquals(map[0], model.proba(-0.3));
        assertEquals(map[100], model.proba(1.7));
        assertEquals(Double.NaN, model.proba(Double.NaN));
    }

    @Test
    void movingAverageIsExactOnConstantWindows() {
        double[] v = new double[101];
        java.util.Arrays.fill(v, 0.1);
        for (double m : ClassifierModel.movingAverage(v, 15)) {
            assertEquals(0.1, m, 0.0);
        }
    }
}
