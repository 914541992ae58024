package partita.model;

import java.io.Serializable;

/**
 * The contributions a prior model (a segment's parent) gives the rows of each leaf of one feature
 * of a grown model, summed with the rows counted: their means are the targets the optimise step
 * pulls the leaf scores toward (docs/algorithm.md section 11). Sums over disjoint rows merge by
 * adding, so a distributed engine can count them where the rows are.
 */
public record PriorSums(double[] sum, long[] count) implements Serializable {

    /** Over some rows: each one's leaf and the prior's contribution to it, in row order. */
    static PriorSums of(int leaves, int[] leafOfRow, double[] contribution) {
        double[] sum = new double[leaves];
        long[] count = new long[leaves];
        for (int i = 0; i < leafOfRow.length; i++) {
            sum[leafOfRow[i]] += contribution[i];
            count[leafOfRow[i]]++;
        }
        return new PriorSums(sum, count);
    }

    public PriorSums merge(PriorSums o) {
        double[] s = new double[sum.length];
        long[] c = new long[count.length];
        for (int l = 0; l < s.length; l++) {
            s[l] = sum[l] + o.sum[l];
            c[l] = count[l] + o.count[l];
        }
        return new PriorSums(s, c);
    }

    /** Per leaf, the mean contribution (0 for a leaf without rows). */
    double[] means() {
        double[] out = new double[sum.length];
        for (int l = 0; l < out.length; l++) {
            out[l] = count[l] == 0 ? 0 : sum[l] / count[l];
        }
        return out;
    }
}
