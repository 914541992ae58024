package partita.partition;

/**
 * Count, mean and population variance of a target over some rows, missing (NaN) values skipped.
 * For a 0/1 target the mean is the positive rate and the variance is computed from the two
 * counts ({@link #binary}), so it does not depend on the order of the rows: a trainer that
 * aggregates counts elsewhere gets the same bits.
 */
public record Moments(int n, double mean, double variance) implements java.io.Serializable {

    public static Moments of(double[] y, int[] rows) {
        int n = 0;
        double sum = 0;
        boolean binary = true;
        for (int r : rows) {
            if (!Double.isNaN(y[r])) {
                n++;
                sum += y[r];
                binary &= y[r] == 0 || y[r] == 1;
            }
        }
        if (binary) {
            return binary(n, sum);
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

    /** Of a 0/1 target: n rows, {@code positives} of them 1. */
    public static Moments binary(int n, double positives) {
        if (n == 0) {
            return new Moments(0, Double.NaN, Double.NaN);
        }
        double mean = positives / n;
        double ss = positives * (1 - mean) * (1 - mean) + (n - positives) * mean * mean;
        return new Moments(n, mean, ss / n);
    }

    /**
     * These moments and another's (other rows), combined (Chan et al.'s pairwise update), for a
     * trainer that aggregates a numeric target elsewhere; a 0/1 target's are recomputed from
     * the counts with {@link #binary} instead, to keep its bits.
     */
    public Moments merge(Moments o) {
        if (o.n == 0) {
            return this;
        }
        if (n == 0) {
            return o;
        }
        int total = n + o.n;
        double delta = o.mean - mean;
        double ss = variance * n + o.variance * o.n + delta * delta * ((double) n * o.n / total);
        return new Moments(total, mean + delta * o.n / total, ss / total);
    }

    double std() {
        return Math.sqrt(variance);
    }
}
