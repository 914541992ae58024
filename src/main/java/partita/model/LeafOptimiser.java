package partita.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The optimise step (docs/algorithm.md section 11): every leaf score fitted jointly by
 * penalised maximum likelihood, with an unpenalised intercept,
 * <pre>
 *   minimise  sum_i loss(y_i, b + sum_j s[j, leaf_j(i)]) + (penalty * v / 2) * sum_{j,l} (s[j,l] - t[j,l])^2
 * </pre>
 * (for numeric features the penalty also adds the squared differences of neighbouring leaves'
 * deviations, so adjacent value ranges are pulled toward each other: a random-walk prior) where
 * loss is the logistic loss (classifier, score in log-odds) or half the squared error
 * (regressor), v the per-row curvature of the loss at the base value (p(1-p) for the logistic
 * loss, 1 for squared error), so the penalty counts rows: a leaf of c rows on its own is pulled
 * toward its target t by about penalty / (c + penalty). The targets t are 0, or a prior model's
 * mean contribution over the leaf's rows (a segment shrinks toward its parent).
 *
 * <p>Newton's method with a backtracking line search. Leaves of one feature never share a row,
 * so the Hessian's diagonal blocks are diagonal and its off-diagonal blocks are weighted
 * co-occurrence counts of two features' leaves: it is built from those counts, never from an
 * n x leaves matrix. Every sum runs in a fixed order (per feature or per pair of features over
 * rows in order, and rows in fixed blocks combined in order), so the result does not depend on
 * the thread count.
 *
 * <p>Penalty chosen from the data (empirical Bayes): the penalty is a Gaussian prior on the
 * scores, and the one on {@link #GRID} with the largest Laplace-approximated marginal likelihood
 * of the training rows wins,
 * <pre>
 *   log evidence = -objective + (L/2) log(lambda) - (1/2) log det(H + lambda P)      (logistic)
 *   log evidence = -(n/2) log(2 objective / n) + (L/2) log(lambda) - (1/2) log det(H + lambda P)   (squared error, noise variance profiled out)
 * </pre>
 * with lambda = penalty * v, P the penalty's matrix (its own determinant does not depend on
 * lambda), L the number of fitted leaves and H the Hessian of the loss at the fit. The grid is
 * searched uphill from {@link #START} (each fit starts from its neighbour's). Unlike
 * cross-validation by one Newton step, it does not mistake a leaf whose few rows all sit in one
 * fold for a well-estimated one, and it needs no refits per fold.
 */
final class LeafOptimiser {

    /** The loss the scores minimise. */
    enum Loss { LOGISTIC, SQUARED }

    /**
     * Fitted scores.
     *
     * @param intercept  the model's base value
     * @param scores     per feature, per leaf
     * @param penalty    the penalty used (given, or chosen by marginal likelihood)
     * @param iterations Newton iterations of the final fit
     */
    record Result(double intercept, double[][] scores, double penalty, int iterations) {
    }

    /** Penalties the marginal likelihood chooses from, in rows. */
    static final double[] GRID = {0.5, 2, 8, 32, 128, 512, 2048, 8192};
    static final double START = 8;
    /** A penalty below this is raised to it, so the system stays solvable (penalty 0 means plain maximum likelihood). */
    static final double MIN_PENALTY = 1e-9;
    private static final int MAX_ITERATIONS = 100;
    private static final double STEP_TOLERANCE = 1e-9;
    private static final int BLOCK = 1 << 13;
    /**
     * Weight of a value range's own squared deviation next to its neighbour differences: small,
     * so a strong penalty makes a numeric step function smooth rather than flat.
     */
    static final double ORDERED_RIDGE = 0.01;

    private final Layout layout;
    private final LeafSums.Rows rows;
    private final Loss loss;
    private final long n;
    private final double mean;
    private final double curvature;

    private LeafOptimiser(Layout layout, LeafSums.Rows rows) {
        this.layout = layout;
        this.rows = rows;
        this.loss = layout.loss;
        this.n = rows.count();
        this.mean = rows.targetSum() / n;
        this.curvature = loss == Loss.LOGISTIC ? mean * (1 - mean) : 1;
    }

    /**
     * The unknowns of one fit: which leaves are fitted (index 0 is the intercept), each numeric
     * leaf's neighbour in value order, the weights and targets of the penalty; and the row sums
     * over any rows given their leaves, which a distributed fit computes where the rows are.
     */
    static final class Layout implements Serializable {
        private static final long serialVersionUID = 1L;

        final Loss loss;
        /** index[j][l]: position of leaf l of feature j among the unknowns (0 is the intercept), -1 if fixed at 0. */
        final int[][] index;
        final int size;
        /** By unknown: the next leaf of the same numeric feature (its neighbour in value order), or -1. */
        final int[] next;
        /** By unknown: the weight of its own squared deviation in the penalty. */
        final double[] ridge;
        /** Penalty targets by unknown (0 for the intercept). */
        final double[] target;

        /**
         * @param free    per feature, per leaf: whether its score is fitted (false keeps it at 0:
         *                an empty leaf, or a missing leaf with ignore_nan)
         * @param ordered per feature: whether its leaves are value ranges in order (numeric), whose
         *                neighbours the penalty also pulls toward each other
         * @param prior   per feature, per leaf, the score the penalty pulls toward; null (or a null
         *                feature) for 0
         */
        Layout(Loss loss, boolean[][] free, boolean[] ordered, double[][] prior) {
            this.loss = loss;
            this.index = new int[free.length][];
            int k = 1;
            for (int j = 0; j < free.length; j++) {
                index[j] = new int[free[j].length];
                for (int l = 0; l < free[j].length; l++) {
                    index[j][l] = free[j][l] ? k++ : -1;
                }
            }
            this.size = k;
            this.next = new int[size];
            Arrays.fill(next, -1);
            this.ridge = new double[size];
            Arrays.fill(ridge, 1);
            for (int j = 0; j < free.length; j++) {
                if (ordered[j]) {
                    int previous = -1;
                    for (int l = 0; l < index[j].length - 1; l++) { // the missing leaf (last) has no neighbour
                        if (index[j][l] >= 0) {
                            if (previous >= 0) {
                                next[previous] = index[j][l];
                            }
                            previous = index[j][l];
                            ridge[previous] = ORDERED_RIDGE;
                        }
                    }
                }
            }
            this.target = new double[size];
            if (prior != null) {
                for (int j = 0; j < free.length; j++) {
                    for (int l = 0; l < index[j].length; l++) {
                        if (index[j][l] >= 0 && prior[j] != null) {
                            target[index[j][l]] = prior[j][l];
                        }
                    }
                }
            }
        }

        /**
         * The sums over some rows at {@code theta}: the loss, and with {@code derivatives} the
         * residual sums and the Hessian. {@code leaves[j][i]} is row i's leaf of feature j,
         * {@code y} its target. Each sum runs over the rows in order (the loss in fixed blocks).
         */
        LeafSums sums(int[][] leaves, double[] y, double[] theta, boolean derivatives) {
            double[] eta = eta(leaves, y.length, theta);
            double lossSum = lossSum(eta, y);
            if (!derivatives) {
                return new LeafSums(lossSum, null, null);
            }
            double[] w = new double[y.length];
            double[] r = new double[y.length];
            residuals(eta, y, w, r);
            return new LeafSums(lossSum, residualSums(leaves, r), hessian(leaves, w));
        }

        /** Linear predictor of every row: the intercept plus each feature's leaf score, in feature order. */
        private double[] eta(int[][] leaves, int n, double[] theta) {
            double[] eta = new double[n];
            Arrays.fill(eta, theta[0]);
            for (int j = 0; j < leaves.length; j++) {
                int[] l = leaves[j];
                int[] idx = index[j];
                for (int i = 0; i < n; i++) {
                    int k = idx[l[i]];
                    if (k >= 0) {
                        eta[i] += theta[k];
                    }
                }
            }
            return eta;
        }

        /** The unpenalised loss, summed over fixed row blocks combined in order. */
        private double lossSum(double[] eta, double[] y) {
            int n = eta.length;
            int blocks = (n + BLOCK - 1) / BLOCK;
            double[] part = new double[blocks];
            IntStream.range(0, blocks).parallel().forEach(b -> {
                double s = 0;
                for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                    double e = eta[i];
                    if (loss == Loss.LOGISTIC) {
                        s += Math.max(e, 0) + Math.log1p(Math.exp(-Math.abs(e))) - y[i] * e;
                    } else {
                        double d = y[i] - e;
                        s += 0.5 * d * d;
                    }
                }
                part[b] = s;
            });
            double total = 0;
            for (double p : part) {
                total += p;
            }
            return total;
        }

        /** Per row: curvature w and residual r = y - prediction. */
        private void residuals(double[] eta, double[] y, double[] w, double[] r) {
            for (int i = 0; i < eta.length; i++) {
                if (loss == Loss.LOGISTIC) {
                    double p = 1 / (1 + Math.exp(-eta[i]));
                    w[i] = p * (1 - p);
                    r[i] = y[i] - p;
                } else {
                    w[i] = 1;
                    r[i] = y[i] - eta[i];
                }
            }
        }

        /** By unknown, the sum of the residuals of its rows (the intercept: of all rows). */
        private double[] residualSums(int[][] leaves, double[] r) {
            double[] g = new double[size];
            double total = 0;
            for (double v : r) {
                total += v;
            }
            g[0] = total;
            IntStream.range(0, leaves.length).parallel().forEach(j -> {
                int[] l = leaves[j];
                int[] idx = index[j];
                double[] sum = new double[idx.length];
                for (int i = 0; i < r.length; i++) {
                    sum[l[i]] += r[i];
                }
                for (int leaf = 0; leaf < idx.length; leaf++) {
                    if (idx[leaf] >= 0) {
                        g[idx[leaf]] = sum[leaf];
                    }
                }
            });
            return g;
        }

        /** The unpenalised Hessian (both triangles) from per-leaf and per-pair sums of w over all rows. */
        private double[][] hessian(int[][] leaves, double[] w) {
            int n = w.length;
            double[][] h = new double[size][size];
            double total = 0;
            for (double v : w) {
                total += v;
            }
            h[0][0] = total;
            List<int[]> pairs = new ArrayList<>();
            for (int a = 0; a < leaves.length; a++) {
                for (int b = a; b < leaves.length; b++) {
                    pairs.add(new int[] {a, b});
                }
            }
            pairs.parallelStream().forEach(p -> {
                int a = p[0];
                int b = p[1];
                int[] la = leaves[a];
                int[] ia = index[a];
                if (a == b) {
                    double[] sum = new double[ia.length];
                    for (int i = 0; i < n; i++) {
                        sum[la[i]] += w[i];
                    }
                    for (int l = 0; l < ia.length; l++) {
                        int k = ia[l];
                        if (k >= 0) {
                            h[k][k] = sum[l];
                            h[k][0] = sum[l];
                            h[0][k] = sum[l];
                        }
                    }
                    return;
                }
                int[] lb = leaves[b];
                int[] ib = index[b];
                int width = ib.length;
                double[] sum = new double[ia.length * width];
                for (int i = 0; i < n; i++) {
                    sum[la[i] * width + lb[i]] += w[i];
                }
                for (int x = 0; x < ia.length; x++) {
                    int kx = ia[x];
                    if (kx < 0) {
                        continue;
                    }
                    for (int z = 0; z < width; z++) {
                        int kz = ib[z];
                        if (kz >= 0) {
                            double v = sum[x * width + z];
                            h[kx][kz] = v;
                            h[kz][kx] = v;
                        }
                    }
                }
            });
            return h;
        }
    }

    /** Rows in memory: their leaves per feature and targets. */
    static LeafSums.Rows inMemory(Layout layout, int[][] leaves, double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        double targetSum = sum;
        return new LeafSums.Rows() {
            @Override
            public long count() {
                return y.length;
            }

            @Override
            public double targetSum() {
                return targetSum;
            }

            @Override
            public LeafSums at(double[] theta, boolean derivatives) {
                return layout.sums(leaves, y, theta, derivatives);
            }
        };
    }

    /** Hill-climbs the grid from {@link #START} on the log evidence; returns the best fit. */
    private Result path() {
        int at = Arrays.binarySearch(GRID, START);
        Fit best = solve(GRID[at], null);
        for (int direction : new int[] {1, -1}) {
            Fit from = best;
            for (int g = at + direction; g >= 0 && g < GRID.length; g += direction) {
                Fit f = solve(GRID[g], from.theta);
                if (!(f.evidence > best.evidence)) {
                    break;
                }
                best = f;
                from = f;
            }
            if (best.penalty != GRID[at]) {
                break; // uphill one way: the other way is downhill from the start
            }
        }
        return best.result();
    }

    /**
     * Fits the scores of a layout over its rows.
     *
     * @param penalty in rows (see the class comment), NaN to choose it by marginal likelihood; below
     *                {@link #MIN_PENALTY} it is raised to it
     */
    static Result fit(Layout layout, LeafSums.Rows rows, double penalty) {
        LeafOptimiser o = new LeafOptimiser(layout, rows);
        if (!Double.isNaN(penalty)) {
            return o.solve(penalty, null).result();
        }
        return o.path();
    }

    /** A solution at one penalty, with its log evidence (NaN when the Hessian was not positive definite). */
    private final class Fit {
        final double penalty;
        final double[] theta;
        final double evidence;
        final int iterations;

        Fit(double penalty, double[] theta, double evidence, int iterations) {
            this.penalty = penalty;
            this.theta = theta;
            this.evidence = evidence;
            this.iterations = iterations;
        }

        Result result() {
            int[][] index = layout.index;
            double[][] scores = new double[index.length][];
            for (int j = 0; j < index.length; j++) {
                scores[j] = new double[index[j].length];
                for (int l = 0; l < index[j].length; l++) {
                    scores[j][l] = index[j][l] < 0 ? 0 : theta[index[j][l]];
                }
            }
            return new Result(theta[0], scores, penalty, iterations);
        }
    }

    private Fit solve(double penalty, double[] start) {
        double lambda = Math.max(MIN_PENALTY, penalty) * curvature;
        int size = layout.size;
        double[] theta;
        if (start != null) {
            theta = start.clone();
        } else {
            theta = layout.target.clone();
            theta[0] = loss == Loss.LOGISTIC ? Math.log(mean / (1 - mean)) : mean;
        }
        LeafSums at = rows.at(theta, true);
        double objective = objective(at, theta, lambda);
        double[][] factor = null;
        int iterations = 0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            if (!at.hasDerivatives()) {
                at = rows.at(theta, true);
            }
            double[][] a = penalised(at.hessian(), lambda);
            double[] g = gradient(at.residuals(), theta, lambda);
            factor = SymmetricSolver.factor(a);
            // a step = minus the objective's gradient
            double[] step = factor != null ? SymmetricSolver.substitute(factor, g) : SymmetricSolver.solve(a, g);
            double t = 1;
            double[] next = null;
            LeafSums nextAt = null;
            double nextObjective = Double.NaN;
            for (int halvings = 0; halvings < 40; halvings++) {
                next = theta.clone();
                for (int k = 0; k < size; k++) {
                    next[k] += t * step[k];
                }
                nextAt = rows.at(next, false);
                nextObjective = objective(nextAt, next, lambda);
                if (nextObjective <= objective) {
                    break;
                }
                t /= 2;
            }
            if (!(nextObjective <= objective)) {
                break; // no decrease along the Newton direction: at the optimum up to rounding
            }
            double largest = 0;
            for (double s : step) {
                largest = Math.max(largest, Math.abs(t * s));
            }
            theta = next;
            at = nextAt;
            boolean flat = objective - nextObjective <= 1e-14 * Math.abs(objective);
            objective = nextObjective;
            if (largest < STEP_TOLERANCE || flat || loss == Loss.SQUARED && iterations >= 2) {
                break; // squared error: the first step solves the quadratic, the second polishes rounding
            }
        }
        return new Fit(penalty, theta, evidence(objective, lambda, factor), iterations);
    }

    /**
     * Laplace-approximated log marginal likelihood (up to a constant), from the factor of the
     * last Newton system (its iterate is within the step tolerance of the fit); NaN without one.
     */
    private double evidence(double objective, double lambda, double[][] factor) {
        if (factor == null) {
            return Double.NaN;
        }
        int size = layout.size;
        double logDet = 0;
        for (int k = 0; k < size; k++) {
            logDet += 2 * Math.log(factor[k][k]);
        }
        double fit = loss == Loss.LOGISTIC ? -objective : -0.5 * n * Math.log(2 * objective / n);
        return fit + 0.5 * (size - 1) * Math.log(lambda) - 0.5 * logDet;
    }

    private double objective(LeafSums at, double[] theta, double lambda) {
        double[] target = layout.target;
        double squares = 0;
        for (int k = 1; k < layout.size; k++) {
            double d = theta[k] - target[k];
            squares += layout.ridge[k] * d * d;
            if (layout.next[k] >= 0) {
                double e = d - (theta[layout.next[k]] - target[layout.next[k]]);
                squares += e * e;
            }
        }
        return at.loss() + 0.5 * lambda * squares;
    }

    /** Minus the gradient of the objective, from the residual sums of the rows. */
    private double[] gradient(double[] residuals, double[] theta, double lambda) {
        double[] target = layout.target;
        double[] g = residuals.clone();
        for (int k = 1; k < layout.size; k++) {
            g[k] = residuals[k] - lambda * layout.ridge[k] * (theta[k] - target[k]);
        }
        for (int k = 1; k < layout.size; k++) {
            int m = layout.next[k];
            if (m >= 0) {
                double e = lambda * ((theta[k] - target[k]) - (theta[m] - target[m]));
                g[k] -= e;
                g[m] += e;
            }
        }
        return g;
    }

    /** A copy of h plus lambda times the penalty's matrix (ridge on every leaf, differences of neighbours). */
    private double[][] penalised(double[][] h, double lambda) {
        double[][] a = new double[h.length][];
        for (int k = 0; k < h.length; k++) {
            a[k] = h[k].clone();
        }
        for (int k = 1; k < layout.size; k++) {
            a[k][k] += lambda * layout.ridge[k];
            int m = layout.next[k];
            if (m >= 0) {
                a[k][k] += lambda;
                a[m][m] += lambda;
                a[k][m] -= lambda;
                a[m][k] -= lambda;
            }
        }
        return a;
    }
}
