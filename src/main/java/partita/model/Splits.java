package partita.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Computing split statistics from data and growing leaves from them. */
final class Splits {

    private Splits() {
    }

    /** Leaves with raw scores (score = 0 until the model normalises them), missing leaf last. */
    static List<Leaf> grow(SplitStats stats, Params params, int n, double baseValue, boolean classifier) {
        List<Leaf> leaves = new ArrayList<>();
        if (stats instanceof SplitStats.Numeric s) {
            for (Leaf l : new TreeGrower(s, params, n, baseValue).grow()) {
                leaves.add(new Leaf(l.lower(), l.upper(), null, 0, LeafScores.raw(params, classifier, l.count(),
                        l.mean(), n, baseValue), l.mean(), (double) l.count() / n, l.count(), false));
            }
        } else {
            SplitStats.Categorical s = (SplitStats.Categorical) stats;
            for (int i = 0; i < s.categories().length; i++) {
                leaves.add(new Leaf(Double.NaN, Double.NaN, s.categories()[i], 0,
                        LeafScores.raw(params, classifier, s.counts()[i], s.means()[i], n, baseValue), s.means()[i],
                        (double) s.counts()[i] / n, s.counts()[i], false));
            }
        }
        leaves.add(LeafScores.missingLeaf(params, classifier, stats.missingCount(), stats.missingMean(), n, baseValue));
        return leaves;
    }

    /**
     * The candidate split between two consecutive distinct values a &lt; b: their midpoint
     * (section 4), kept finite when one is infinite, since infinities are a feature's extreme
     * values and fall in its first or last leaf: a when b is +Infinity (0 when a is
     * -Infinity too), a finite value just below b when a is -Infinity; NaN when there is none
     * (-Infinity next to -Double.MAX_VALUE: that candidate is dropped).
     */
    public static double between(double a, double b) {
        double mid = (a + b) / 2;
        if (Double.isFinite(mid)) {
            return mid;
        }
        if (Double.isFinite(a) && Double.isFinite(b)) {
            return a / 2 + b / 2; // both huge: the sum overflowed
        }
        if (b == Double.POSITIVE_INFINITY) {
            return a == Double.NEGATIVE_INFINITY ? 0 : a;
        }
        double below = b - Math.max(1, Math.abs(b));
        double just = Math.nextDown(b);
        return Double.isFinite(below) ? below : Double.isFinite(just) ? just : Double.NaN;
    }

    /** Exactly equal statistics (arrays compared by content). */
    static boolean same(SplitStats x, SplitStats y) {
        if (x instanceof SplitStats.Numeric a && y instanceof SplitStats.Numeric b) {
            return Arrays.equals(a.splits(), b.splits()) && Arrays.equals(a.leftCount(), b.leftCount())
                    && Arrays.equals(a.leftMean(), b.leftMean()) && Arrays.equals(a.rightCount(), b.rightCount())
                    && Arrays.equals(a.rightMean(), b.rightMean()) && a.count() == b.count()
                    && Double.compare(a.mean(), b.mean()) == 0 && a.missingCount() == b.missingCount()
                    && Double.compare(a.missingMean(), b.missingMean()) == 0 && a.thinnedFrom() == b.thinnedFrom();
        }
        if (x instanceof SplitStats.Categorical a && y instanceof SplitStats.Categorical b) {
            return Arrays.equals(a.categories(), b.categories()) && Arrays.equals(a.counts(), b.counts())
                    && Arrays.equals(a.means(), b.means()) && a.missingCount() == b.missingCount()
                    && Double.compare(a.missingMean(), b.missingMean()) == 0;
        }
        return false;
    }

    /** Statistics of one prepared feature over a view of the training rows, in O(rows + distinct values). */
    static SplitStats of(TrainingData.PreparedColumn column, double[] y, int[] rows, double alpha) {
        return ValueCounts.of(column, y, rows).splitStats(alpha);
    }

    /** Numeric statistics from the distinct values present (ascending), their counts and target sums. */
    static SplitStats.Numeric numeric(double[] u, int[] cnt, double[] sm, int missingCount, double missingMean,
                                      double alpha) {
        int k = u.length;
        int total = 0;
        double totalSum = 0;
        for (int j = 0; j < k; j++) {
            total += cnt[j];
            totalSum += sm[j];
        }
        int step = k < 2 ? 1 : SplitStats.Numeric.candidateStep(k, alpha);
        int m = k < 2 ? 0 : (k - 2) / step + 1;
        double[] below = new double[m];
        double[] above = new double[m];
        int[] lc = new int[m];
        double[] ls = new double[m];
        double[] rs = new double[m];
        // suffix sums so each side's sum is accumulated over its own values
        double[] suffix = new double[k + 1];
        for (int j = k - 1; j >= 0; j--) {
            suffix[j] = suffix[j + 1] + sm[j];
        }
        int leftCount = 0;
        double leftSum = 0;
        for (int i = 0, next = 0; i <= k - 2; i++) {
            leftCount += cnt[i];
            leftSum += sm[i];
            if (i % step == 0) {
                below[next] = u[i];
                above[next] = u[i + 1];
                lc[next] = leftCount;
                ls[next] = leftSum;
                rs[next++] = suffix[i + 1];
            }
        }
        return SplitStats.Numeric.ofCandidates(below, above, lc, ls, rs, total, totalSum, missingCount, missingMean);
    }

    /** Categorical statistics from the categories present (in text order), their counts and target sums. */
    static SplitStats.Categorical categorical(String[] categories, int[] count, double[] sum, int missingCount,
                                           double missingMean) {
        int k = 0;
        for (int c : count) {
            k += c > 0 ? 1 : 0;
        }
        Integer[] order = new Integer[k];
        double[] means = new double[categories.length];
        for (int i = 0, j = 0; i < categories.length; i++) {
            if (count[i] > 0) {
                means[i] = sum[i] / count[i];
                order[j++] = i;
            }
        }
        // stable sort over text-sorted categories: ties in mean stay in text order
        Arrays.sort(order, (a, b) -> Double.compare(means[a], means[b]));
        String[] cats = new String[k];
        int[] cnt = new int[k];
        double[] mns = new double[k];
        for (int j = 0; j < k; j++) {
            cats[j] = categories[order[j]];
            cnt[j] = count[order[j]];
            mns[j] = means[order[j]];
        }
        return new SplitStats.Categorical(cats, cnt, mns, missingCount, missingMean);
    }
}
