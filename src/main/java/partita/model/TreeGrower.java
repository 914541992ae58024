package partita.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Grows one numeric feature's step function from its split statistics (docs/algorithm.md section 5).
 * Works on copies of the candidate statistics, updated in place as nodes split (children own
 * disjoint candidate ranges).
 */
final class TreeGrower {

    private final double[] splits;
    private final double[] nL;
    private final double[] mL;
    private final double[] nR;
    private final double[] mR;
    /** Fast log2 of each side's share (percent), kept in step with nL / nR. */
    private final double[] lgL;
    private final double[] lgR;
    private final int rootCount;
    private final double rootMean;
    private final int maxDepth;
    private final double minInfoGain;
    private final double minLeaf;
    private final double n;
    private final double baseValue;
    private final List<Leaf> leaves = new ArrayList<>();
    /** Relative closeness below which fast-log2 gains are not trusted to order two candidates. */
    private static final double NEAR = 1e-12;

    TreeGrower(SplitStats.Numeric stats, Params params, int n, double baseValue) {
        this.splits = stats.splits();
        int m = splits.length;
        nL = new double[m];
        mL = stats.leftMean().clone();
        nR = new double[m];
        mR = stats.rightMean().clone();
        lgL = new double[m];
        lgR = new double[m];
        for (int i = 0; i < m; i++) {
            nL[i] = stats.leftCount()[i];
            nR[i] = stats.rightCount()[i];
        }
        this.rootCount = stats.count();
        this.rootMean = stats.mean();
        this.maxDepth = params.maxDepth();
        this.minInfoGain = params.minInfoGain();
        this.minLeaf = Math.max(1, Math.floor(params.minLeafSize() * n));
        this.n = n;
        this.baseValue = baseValue;
        for (int i = 0; i < m; i++) {
            lgL[i] = Log2.fast(nL[i] / n * 100);
            lgR[i] = Log2.fast(nR[i] / n * 100);
        }
    }

    /** Leaves (raw score and score still 0) from lowest to highest values. */
    List<Leaf> grow() {
        grow(0, splits.length, rootCount, rootMean, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        return leaves;
    }

    private void grow(int lo, int hi, double count, double mean, int depth, double lower, double upper) {
        int best = depth >= maxDepth ? -1 : bestSplit(lo, hi);
        if (best < 0) {
            leaves.add(new Leaf(lower, upper, null, 0, 0, mean, 0, (int) count, false));
            return;
        }
        double nA = nL[best];
        double mA = mL[best];
        double nB = nR[best];
        double mB = mR[best];
        for (int c = lo; c < best; c++) { // left child: its candidates lose side B from their right
            double k = nR[c] - nB;
            mR[c] = (nR[c] * mR[c] - nB * mB) / k;
            nR[c] = k;
            lgR[c] = Log2.fast(k / n * 100);
        }
        for (int c = best + 1; c < hi; c++) { // right child: its candidates lose side A from their left
            double k = nL[c] - nA;
            mL[c] = (nL[c] * mL[c] - nA * mA) / k;
            nL[c] = k;
            lgL[c] = Log2.fast(k / n * 100);
        }
        grow(lo, best, nA, mA, depth + 1, lower, splits[best]);
        grow(best + 1, hi, nB, mB, depth + 1, splits[best], upper);
    }

    /**
     * The first candidate with the strictly largest positive gain, or -1. Gains use a fast
     * log2; where two gains (or a gain and 0) are too close for its few-ulp error, both are
     * recomputed with the correctly rounded log2 the reference uses, so ties break the same way.
     */
    private int bestSplit(int lo, int hi) {
        int best = -1;
        double bestGain = 0;
        boolean bestExact = true; // 0 is exact
        for (int c = lo; c < hi; c++) {
            if (nL[c] < minLeaf || nR[c] < minLeaf) {
                continue;
            }
            double dL = Math.abs(mL[c] - baseValue);
            double dR = Math.abs(mR[c] - baseValue);
            if (Math.max(dL, dR) < minInfoGain) {
                continue;
            }
            double gain = gain(c, dL, dR, false);
            boolean exact = false;
            if (Math.abs(gain - bestGain) <= NEAR * (Math.abs(gain) + Math.abs(bestGain) + dL + dR)) {
                gain = gain(c, dL, dR, true);
                exact = true;
                if (!bestExact) {
                    bestGain = gain(best, Math.abs(mL[best] - baseValue), Math.abs(mR[best] - baseValue), true);
                    bestExact = true;
                }
            }
            if (gain > bestGain) {
                best = c;
                bestGain = gain;
                bestExact = exact;
            }
        }
        return best;
    }

    private double gain(int c, double dL, double dR, boolean exact) {
        double lL = exact ? Log2.exact(nL[c] / n * 100) : lgL[c];
        double lR = exact ? Log2.exact(nR[c] / n * 100) : lgR[c];
        return Math.fma(dR, lR, dL * lL);
    }
}
