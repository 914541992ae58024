package partita.model;

/**
 * Ridge regression of the target on the leaf design matrix (column per leaf: raw score times
 * row-in-leaf), centred with an unpenalised intercept like scikit-learn's Ridge (docs/algorithm.md
 * section 7). Built from {@link LeafCounts}: leaves of one feature are mutually exclusive, so
 * the Gram matrix is block-structured, with diagonal blocks and off-diagonal blocks of
 * co-occurrence counts; the n x leaves design matrix is never formed.
 *
 * @param coefficients per feature, per leaf
 * @param intercept    the model's new base value
 */
record Ridge(double[][] coefficients, double intercept) {

    /**
     * @param raw    per feature, the raw score of each leaf
     * @param counts the training rows' leaf counts
     */
    static Ridge fit(double[][] raw, LeafCounts counts, double alpha) {
        int features = raw.length;
        double n = counts.rows();
        int[] offset = LeafCounts.offsets(counts.sizes());
        int size = offset[features];
        double yMean = counts.targetSum() / n;
        long[] count = counts.count();
        // centred Gram matrix: raw_j raw_k (C_jk - c_j c_k / n); C_jk = co-occurrence count
        double[][] g = new double[size][size];
        for (int p = 0; p < counts.pairs().length; p++) {
            int[] fh = LeafCounts.pair(p, features);
            int lb = counts.sizes()[fh[1]];
            long[] c = counts.pairs()[p];
            for (int x = 0; x < counts.sizes()[fh[0]]; x++) {
                for (int z = 0; z < lb; z++) {
                    g[offset[fh[1]] + z][offset[fh[0]] + x] = c[x * lb + z]; // h > f: below the diagonal
                }
            }
        }
        for (int j = 0; j < size; j++) {
            g[j][j] = count[j]; // leaves of one feature never share a row
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
            b[j] = flatRaw[j] * (counts.ySum()[j] - count[j] * yMean);
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
}
