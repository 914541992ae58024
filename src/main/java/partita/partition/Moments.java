package partita.partition;

/**
 * Count, mean and population variance of a target over some rows, missing (NaN) values skipped.
 * For a 0/1 target the mean is the positive rate and the variance p(1 - p).
 */
record Moments(int n, double mean, double variance) {

    static Moments of(double[] y, int[] rows) {
        int n = 0;
        double sum = 0;
        for (int r : rows) {
            if (!Double.isNaN(y[r])) {
                n++;
                sum += y[r];
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double ss = 0;
        for (int r : rows) {
            if (!Double.isNaN(y[r])) {
                double d = y[r] - mean;
                ss += d * d;
            }
        }
        return new Moments(n, mean, n == 0 ? Double.NaN : ss / n);
    }

    double std() {
        return Math.sqrt(variance);
    }
}
