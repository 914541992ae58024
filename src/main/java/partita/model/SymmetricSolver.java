package partita.model;

/**
 * Solves the ridge normal equations a x = b, a symmetric and positive definite in exact
 * arithmetic. Cholesky first; when rounding makes a pivot non-positive (a target in the
 * millions makes alpha = 1 vanish next to the Gram entries), Gaussian elimination with
 * partial pivoting instead, as scikit-learn falls back from Cholesky to a general solver.
 */
final class SymmetricSolver {

    private SymmetricSolver() {
    }

    /** x with a x = b; a must hold both triangles. Inputs are not modified. */
    static double[] solve(double[][] a, double[] b) {
        double[] x = cholesky(a, b);
        return x != null ? x : gaussian(a, b);
    }

    /** Cholesky solve reading the lower triangle, or null when a pivot is not positive. */
    private static double[] cholesky(double[][] a, double[] b) {
        double[][] l = factor(a);
        return l == null ? null : substitute(l, b);
    }

    /** The lower Cholesky factor of a (rows of growing length), or null when a pivot is not positive. */
    static double[][] factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] li = new double[i + 1];
            double[] ai = a[i];
            for (int j = 0; j <= i; j++) {
                double[] lj = j == i ? li : l[j];
                double s = ai[j] - dot(li, lj, j);
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
            l[i] = li;
        }
        return l;
    }

    /** x with (l l^T) x = b, l from {@link #factor}. */
    static double[] substitute(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** Sum of a[k] * b[k] for k &lt; len, in four interleaved partial sums (a fixed order: deterministic). */
    private static double dot(double[] a, double[] b, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < len; k++) {
            s0 += a[k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double[] gaussian(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double[] x = b.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            double tb = x[col];
            x[col] = x[pivot];
            x[pivot] = tb;
            double p = m[col][col];
            if (p == 0) {
                continue; // an all-zero column (leaf with raw score 0): its coefficient stays 0
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / p;
                if (f != 0) {
                    for (int k = col; k < n; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                    x[r] -= f * x[col];
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= m[i][k] * x[k];
            }
            x[i] = m[i][i] == 0 ? 0 : s / m[i][i];
        }
        return x;
    }
}
