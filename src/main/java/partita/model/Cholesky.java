package partita.model;

/** Solves a symmetric positive definite system in place-free style (input untouched). */
final class Cholesky {

    private Cholesky() {
    }

    /** x with a x = b; a symmetric positive definite (only the lower triangle is read). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] li = new double[i + 1];
            double[] ai = a[i];
            for (int j = 0; j <= i; j++) {
                double[] lj = l[j] == null ? li : l[j];
                double s = ai[j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new ArithmeticException("matrix not positive definite at " + i);
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
            l[i] = li;
        }
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
}
