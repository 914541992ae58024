package partita.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What the ridge step (docs/algorithm.md section 7) reads of the training rows: the rows and
 * their target sum, per leaf its rows and target sum, and per pair of features how many rows
 * fall in each pair of their leaves. Leaves of one feature never share a row, so these are the
 * whole Gram matrix of the leaf design; they merge by adding, so a distributed trainer can count
 * its partitions' rows and hand the sum to
 * {@link XRegressor#fit(RegressorModel, LeafCounts)}.
 *
 * @param sizes  leaves per feature
 * @param count  rows per leaf, features after one another
 * @param ySum   target sum per leaf, in the same order
 * @param pairs  per pair of features f &lt; h (in order (0,1), (0,2)... (1,2)...), rows per
 *               (leaf of f, leaf of h), row-major
 */
public record LeafCounts(int[] sizes, long rows, double targetSum, long[] count, double[] ySum, long[][] pairs)
        implements Serializable {

    /** The counts of rows given their leaf per feature ({@code leaves[f][i]}) and targets, added in row order. */
    static LeafCounts of(int[] sizes, int[][] leaves, double[] y) {
        int features = sizes.length;
        int[] offset = offsets(sizes);
        long[] count = new long[offset[features]];
        double[] ySum = new double[offset[features]];
        double targetSum = 0;
        for (double v : y) {
            targetSum += v;
        }
        for (int f = 0; f < features; f++) {
            int[] l = leaves[f];
            for (int i = 0; i < y.length; i++) {
                count[offset[f] + l[i]]++;
                ySum[offset[f] + l[i]] += y[i];
            }
        }
        long[][] pairs = new long[features * (features - 1) / 2][];
        java.util.stream.IntStream.range(0, pairs.length).parallel().forEach(p -> {
            int[] fh = pair(p, features);
            int[] a = leaves[fh[0]];
            int[] b = leaves[fh[1]];
            int lb = sizes[fh[1]];
            long[] c = new long[sizes[fh[0]] * lb];
            for (int i = 0; i < a.length; i++) {
                c[a[i] * lb + b[i]]++;
            }
            pairs[p] = c;
        });
        return new LeafCounts(sizes.clone(), y.length, targetSum, count, ySum, pairs);
    }

    /** These counts and another's (other rows, the same leaves), added. */
    public LeafCounts merge(LeafCounts o) {
        if (!Arrays.equals(sizes, o.sizes)) {
            throw new IllegalArgumentException("leaf counts of different models");
        }
        long[] c = count.clone();
        double[] s = ySum.clone();
        for (int j = 0; j < c.length; j++) {
            c[j] += o.count[j];
            s[j] += o.ySum[j];
        }
        long[][] p = new long[pairs.length][];
        for (int k = 0; k < p.length; k++) {
            p[k] = pairs[k].clone();
            for (int j = 0; j < p[k].length; j++) {
                p[k][j] += o.pairs[k][j];
            }
        }
        return new LeafCounts(sizes, rows + o.rows, targetSum + o.targetSum, c, s, p);
    }

    /** Where each feature's leaves start in {@link #count} (and one past the last). */
    static int[] offsets(int[] sizes) {
        int[] offset = new int[sizes.length + 1];
        for (int f = 0; f < sizes.length; f++) {
            offset[f + 1] = offset[f] + sizes[f];
        }
        return offset;
    }

    /** The features (f, h), f &lt; h, of pair index p. */
    static int[] pair(int p, int features) {
        int f = 0;
        int left = p;
        while (left >= features - 1 - f) {
            left -= features - 1 - f;
            f++;
        }
        return new int[] {f, f + 1 + left};
    }
}
