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
        double[] cuts = new double[BINS - 1];
        int k = 0;
        for (int q = 1; q < BINS; q++) {
            double cut = sorted[Math.max(0, (int) Math.ceil((double) q * n / BINS) - 1)];
            if (cut < sorted[n - 1] && (k == 0 || cut > cuts[k - 1])) {
                cuts[k++] = cut;
            }
        }
        double[] edges = Arrays.copyOf(cuts, k);
        return new ScoreReference(edges, shares(edges, scores));
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
        double[] cuts = new double[BINS - 1];
        int k = 0;
        for (int q = 1; q < BINS; q++) {
            long rank = Math.max(0, (long) Math.ceil((double) q * n / BINS) - 1); // 0-based rank in sorted order
            double cut = atRank(distinct, counts, rank);
            if (cut < distinct[distinct.length - 1] && (k == 0 || cut > cuts[k - 1])) {
                cuts[k++] = cut;
            }
        }
        double[] edges = Arrays.copyOf(cuts, k);
        double[] shares = new double[edges.length + 1];
        for (int i = 0; i < distinct.length; i++) {
            int b = Arrays.binarySearch(edges, distinct[i]);
            shares[b >= 0 ? b : -b - 1] += counts[i];
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= n;
        }
        return new ScoreReference(edges, shares);
    }

    private static double atRank(double[] distinct, long[] counts, long rank) {
        long seen = 0;
        for (int i = 0; i < distinct.length; i++) {
            seen += counts[i];
            if (rank < seen) {
                return distinct[i];
            }
        }
        return distinct[distinct.length - 1];
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
