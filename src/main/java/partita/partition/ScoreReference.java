package partita.partition;

import java.util.Arrays;

/**
 * The distribution of a model's scores on its training rows, kept in the model (and its file)
 * so drift can be measured on new data later, without the training data.
 *
 * <p>Bins are cut at the deciles of the training scores (ties merge bins); {@link #psi} is the
 * population stability index sum over bins of (a - e) ln(a / e), with a and e the shares of new
 * and training scores in the bin, both floored at 1e-4 so an empty bin stays finite. Rule of
 * thumb: below 0.1 stable, 0.1 to 0.25 moderate shift, above 0.25 significant shift.
 *
 * @param edges  upper bounds of all bins but the last (ascending); bin i holds edges[i-1] &lt; s &lt;= edges[i]
 * @param shares share of training scores in each bin (edges.length + 1 values, sum 1)
 */
public record ScoreReference(double[] edges, double[] shares) {

    static final int BINS = 10;
    private static final double FLOOR = 1e-4;
    /** PSI above which the shift is moderate. */
    public static final double MODERATE = 0.1;
    /** PSI above which drift is significant. */
    public static final double SIGNIFICANT = 0.25;

    public ScoreReference {
        edges = edges.clone();
        shares = shares.clone();
    }

    static ScoreReference of(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long[] ranks = cutRanks(n);
        double[] at = new double[ranks.length];
        long[] atMost = new long[ranks.length];
        for (int q = 0; q < ranks.length; q++) {
            int i = (int) ranks[q];
            at[q] = sorted[i];
            while (i + 1 < n && Double.compare(sorted[i + 1], at[q]) == 0) {
                i++;
            }
            atMost[q] = i + 1;
        }
        return ofRanks(n, sorted[n - 1], at, atMost);
    }

    /**
     * The reference of scores given grouped: distinct scores (ascending) and how many rows have
     * each; the same as {@link #of(double[])} on the rows.
     */
    public static ScoreReference of(double[] distinct, long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        long[] ranks = cutRanks(n);
        double[] at = new double[ranks.length];
        long[] atMost = new long[ranks.length];
        long seen = 0;
        for (int i = 0, q = 0; i < distinct.length && q < ranks.length; i++) {
            seen += counts[i];
            for (; q < ranks.length && ranks[q] < seen; q++) {
                at[q] = distinct[i];
                atMost[q] = seen;
            }
        }
        return ofRanks(n, distinct[distinct.length - 1], at, atMost);
    }

    /** The 0-based ranks, in ascending order of n scores, of the scores that cut the bins (the deciles). */
    public static long[] cutRanks(long n) {
        long[] ranks = new long[BINS - 1];
        for (int q = 1; q < BINS; q++) {
            ranks[q - 1] = Math.max(0, (long) Math.ceil((double) q * n / BINS) - 1);
        }
        return ranks;
    }

    /**
     * The reference of n scores (the largest {@code max}) from the score at each of
     * {@link #cutRanks} ({@code at}) and how many scores are at most it ({@code atMost}): what a
     * distributed sort can give without holding the scores. Equal cuts merge, and a cut at the
     * largest score is dropped.
     */
    public static ScoreReference ofRanks(long n, double max, double[] at, long[] atMost) {
        double[] cuts = new double[BINS - 1];
        long[] below = new long[BINS - 1];
        int k = 0;
        for (int q = 0; q < at.length; q++) {
            if (at[q] < max && (k == 0 || at[q] > cuts[k - 1])) {
                cuts[k] = at[q];
                below[k++] = atMost[q];
            }
        }
        double[] shares = new double[k + 1];
        for (int b = 0; b <= k; b++) {
            shares[b] = (double) ((b < k ? below[b] : n) - (b > 0 ? below[b - 1] : 0)) / n;
        }
        return new ScoreReference(Arrays.copyOf(cuts, k), shares);
    }

    private static double[] shares(double[] edges, double[] scores) {
        double[] out = new double[edges.length + 1];
        for (double s : scores) {
            int i = Arrays.binarySearch(edges, s);
            out[i >= 0 ? i : -i - 1]++;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= scores.length;
        }
        return out;
    }

    /** Population stability index of new scores against the training ones (NaN without scores). */
    public double psi(double[] scores) {
        if (scores.length == 0) {
            return Double.NaN;
        }
        double[] actual = shares(edges, scores);
        double psi = 0;
        for (int i = 0; i < actual.length; i++) {
            double a = Math.max(actual[i], FLOOR);
            double e = Math.max(shares[i], FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public double[] shares() {
        return shares.clone();
    }
}
