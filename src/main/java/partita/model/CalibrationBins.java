package partita.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The 20 score bins a reference classifier's calibration map is learnt from (docs/algorithm.md
 * section 7): per bin (0.05 wide, right-closed) the training rows whose score falls in it and the
 * sum of their 0/1 targets; rows scoring 0 or less, above 1, or NaN fall in none. Bins merge by
 * adding, so a distributed trainer can bin its partitions' rows and hand the sum to
 * {@link XClassifier#fit(ClassifierModel, CalibrationBins)}.
 */
public record CalibrationBins(long[] count, double[] sum) implements Serializable {

    static final int BINS = 20;
    private static final double[] EDGES = new double[BINS + 1];

    static {
        for (int i = 0; i <= BINS; i++) {
            EDGES[i] = (5 * i) / 100.0;
        }
    }

    public CalibrationBins {
        if (count.length != BINS || sum.length != BINS) {
            throw new IllegalArgumentException(BINS + " bins");
        }
    }

    /** No rows yet. */
    public static CalibrationBins empty() {
        return new CalibrationBins(new long[BINS], new double[BINS]);
    }

    /** The bins of scores with their 0/1 targets, added in row order. */
    public static CalibrationBins of(double[] scores, double[] y) {
        long[] count = new long[BINS];
        double[] sum = new double[BINS];
        for (int i = 0; i < scores.length; i++) {
            int b = bin(scores[i]);
            if (b >= 0) {
                count[b]++;
                sum[b] += y[i];
            }
        }
        return new CalibrationBins(count, sum);
    }

    /** These bins and another's (of other rows), added. */
    public CalibrationBins merge(CalibrationBins other) {
        long[] c = Arrays.copyOf(count, BINS);
        double[] s = Arrays.copyOf(sum, BINS);
        for (int b = 0; b < BINS; b++) {
            c[b] += other.count[b];
            s[b] += other.sum[b];
        }
        return new CalibrationBins(c, s);
    }

    /** Bin b with edges[b] &lt; s &lt;= edges[b + 1], or -1 (0, below, above or NaN). */
    public static int bin(double s) {
        if (!(s > EDGES[0] && s <= EDGES[BINS])) {
            return -1;
        }
        int b = (int) Math.ceil(s * BINS) - 1; // a guess, corrected against the exact edges
        b = Math.max(0, Math.min(BINS - 1, b));
        while (b > 0 && s <= EDGES[b]) {
            b--;
        }
        while (b < BINS - 1 && s > EDGES[b + 1]) {
            b++;
        }
        return b;
    }
}
