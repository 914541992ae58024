package partita.model;

import java.io.Serializable;

/**
 * What the optimise step (docs/algorithm.md section 11) reads of the training rows at one point
 * {@code theta} (the intercept and every fitted leaf score): the loss summed over the rows, and,
 * when asked, the residuals summed per fitted leaf (index 0: over all rows) and the Hessian of the
 * loss (both triangles). Sums over disjoint rows merge by adding, so a distributed engine can
 * compute them where the rows are.
 */
public record LeafSums(double loss, double[] residuals, double[][] hessian) implements Serializable {

    /** Where the training rows are: in memory, or in a distributed table (one pass per call). */
    public interface Rows {
        long count();

        double targetSum();

        /** The sums over all the rows at {@code theta}; with derivatives when asked (a pass may give them anyway). */
        LeafSums at(double[] theta, boolean derivatives);
    }

    boolean hasDerivatives() {
        return residuals != null;
    }

    /** These sums and those of other rows at the same point. */
    public LeafSums merge(LeafSums o) {
        if (hasDerivatives() != o.hasDerivatives()) {
            throw new IllegalArgumentException("cannot merge sums with and without derivatives");
        }
        if (!hasDerivatives()) {
            return new LeafSums(loss + o.loss, null, null);
        }
        double[] r = new double[residuals.length];
        double[][] h = new double[hessian.length][];
        for (int k = 0; k < r.length; k++) {
            r[k] = residuals[k] + o.residuals[k];
            h[k] = new double[hessian[k].length];
            for (int m = 0; m < h[k].length; m++) {
                h[k][m] = hessian[k][m] + o.hessian[k][m];
            }
        }
        return new LeafSums(loss + o.loss, r, h);
    }
}
