package partita.model;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Ridge regression of the target on the leaf design matrix (column per leaf: raw score times
 * row-in-leaf), centred with an unpenalised intercept like scikit-learn's Ridge (docs/algorithm.md
 * section 7). Built from counts: leaves of one feature are mutually exclusive, so the Gram
 * matrix is block-structured, with diagonal blocks and off-diagonal blocks of co-occurrence
 * counts; the n x leaves design matrix is never formed.
 *
 * @param coefficients per feature, per leaf
 * @param intercept    the model's new base value
 */
record Ridge(double[][] coefficients, double intercept) {

    /**
     * @param raw    per feature, the raw score of each leaf
     * @param leaves per feature, the leaf of each row
     * @param y      the target of each row
     */
    static Ridge fit(double[][] raw, int[][] leaves, double[] y, double alpha) {
        int features = raw.length;
        int n = y.length;
        int[] offset = new int[features + 1];
        for (int f = 0; f < features; f++) {
            offset[f + 1] = offset[f] + raw[f].length;
        }
        int size = offset[features];
        double yMean = 0;
        for (double v : y) {
            yMean += v;
        }
        yMean /= n;
        double[] count = new double[size];
        double[] ySum = new double[size];
        for (int f = 0; f < features; f++) {
            int[] l = leaves[f];
            int o = offset[f];
            for (int i = 0; i < n; i++) {
                count[o + l[i]]++;
                ySum[o + l[i]] += y[i];
            }
        }
        // centred Gram matrix: raw_j raw_k (C_jk - c_j c_k / n); C_jk = co-occurrence count
        double[][] g = new double[size][size];
        List<int[]> pairs = IntStream.range(0, features).boxed()
                .flatMap(f -> IntStream.range(f + 1, features).mapToObj(h -> new int[] {f, h})).toList();
        pairs.parallelStream().forEach(p -> cooccurrence(leaves[p[0]], raw[p[0]].length, leaves[p[1]],
                raw[p[1]].length, offset[p[0]], offset[p[1]], g));
        for (int f = 0; f < features; f++) {
            for (int j = offset[f]; j < offset[f + 1]; j++) {
                g[j][j] = count[j]; // leaves of one feature never share a row
            }
        }
        double[] flatRaw = new double[size];
        for (int f = 0; f < features; f++) {
            System.arraycopy(raw[f], 0, flatRaw, offset[f], raw[f].length);
        }
        double[] b = new double[size];
        for (int j = 0; j < size; j++) {
            for (int k = 0; k <= j; k++) {
                double v = flatRaw[j] * flatRaw[k] * (g[j][k] - count[j] * count[k] / n);
                g[j][k] = v;
                g[k][j] = v;
            }
            g[j][j] += alpha;
            b[j] = flatRaw[j] * (ySum[j] - count[j] * yMean);
        }
        double[] w = SymmetricSolver.solve(g, b);
        double intercept = yMean;
        for (int j = 0; j < size; j++) {
            intercept -= flatRaw[j] * count[j] / n * w[j];
        }
        double[][] coefficients = new double[features][];
        for (int f = 0; f < features; f++) {
            coefficients[f] = java.util.Arrays.copyOfRange(w, offset[f], offset[f + 1]);
        }
        return new Ridge(coefficients, intercept);
    }

    /** Adds the co-occurrence counts of two features' leaves into the lower triangle of g. */
    private static void cooccurrence(int[] a, int la, int[] b, int lb, int oa, int ob, double[][] g) {
        int[] c = new int[la * lb];
        for (int i = 0; i < a.length; i++) {
            c[a[i] * lb + b[i]]++;
        }
        for (int x = 0; x < la; x++) {
            for (int z = 0; z < lb; z++) {
                g[ob + z][oa + x] = c[x * lb + z]; // ob > oa: row ob+z is below the diagonal
            }
        }
    }
}
