package partita.model;

import java.util.Arrays;

import partita.PartitaException;

/**
 * The per-feature statistics a fit computes from the data once (docs/algorithm.md section 4) and a
 * refit re-grows leaves from without touching the data again (section 8). Counts and means
 * exclude missing rows, which have their own (missingCount, missingMean). The arrays are
 * shared, not copied: treat them as read-only.
 */
public sealed interface SplitStats permits SplitStats.Numeric, SplitStats.Categorical {

    int missingCount();

    double missingMean();

    /**
     * Candidate splits of a numeric feature (ascending) with the (count, mean) of each side
     * over the non-missing rows, and the (count, mean) of all non-missing rows.
     */
    record Numeric(double[] splits, int[] leftCount, double[] leftMean, int[] rightCount, double[] rightMean,
                   int count, double mean, int missingCount, double missingMean, int thinnedFrom) implements SplitStats {

        /** Most candidate splits a model file keeps per feature (see {@link #thinned}). */
        public static final int MAX_STORED = 256;

        public Numeric {
            int m = splits.length;
            if (leftCount.length != m || leftMean.length != m || rightCount.length != m || rightMean.length != m) {
                throw new PartitaException("Inconsistent split statistics: " + m + " splits but side arrays of"
                        + " other lengths. The model data is damaged; fit the model again.");
            }
            if (thinnedFrom != 0 && thinnedFrom < m) {
                throw new PartitaException("Inconsistent split statistics: " + m + " splits said to be thinned from "
                        + thinnedFrom + ". The model data is damaged; fit the model again.");
            }
        }

        /** All the candidates of the fit (not thinned). */
        public Numeric(double[] splits, int[] leftCount, double[] leftMean, int[] rightCount, double[] rightMean,
                       int count, double mean, int missingCount, double missingMean) {
            this(splits, leftCount, leftMean, rightCount, rightMean, count, mean, missingCount, missingMean, 0);
        }

        /**
         * Of k &gt;= 2 distinct values, every how many gaps between neighbours a candidate split
         * sits, starting at the first (docs/algorithm.md section 4).
         */
        public static int candidateStep(int k, double alpha) {
            int bins = (int) Math.floor((Math.pow(k, 1 - alpha) - 1) / (1 - alpha)) + 1;
            return Math.max(1, k / bins);
        }

        /**
         * The statistics from the candidates alone, as a distributed sort of the values gives them:
         * per candidate, the distinct values either side of it ({@code below}, {@code above}), the
         * rows and target sum up to {@code below} and the target sum above; the rows and target sum
         * of all non-missing rows. A candidate without a finite midpoint is dropped.
         */
        public static Numeric ofCandidates(double[] below, double[] above, int[] leftCount, double[] leftSum,
                                           double[] rightSum, int count, double sum, int missingCount,
                                           double missingMean) {
            int m = below.length;
            double[] splits = new double[m];
            int[] lc = new int[m];
            double[] lm = new double[m];
            int[] rc = new int[m];
            double[] rm = new double[m];
            int kept = 0;
            for (int i = 0; i < m; i++) {
                double split = Splits.between(below[i], above[i]);
                if (!Double.isNaN(split)) {
                    splits[kept] = split;
                    lc[kept] = leftCount[i];
                    lm[kept] = leftSum[i] / leftCount[i];
                    rc[kept] = count - leftCount[i];
                    rm[kept++] = rightSum[i] / (count - leftCount[i]);
                }
            }
            return new Numeric(Arrays.copyOf(splits, kept), Arrays.copyOf(lc, kept), Arrays.copyOf(lm, kept),
                    Arrays.copyOf(rc, kept), Arrays.copyOf(rm, kept), count, count == 0 ? Double.NaN : sum / count,
                    missingCount, missingMean);
        }

        /** True when a model file kept only some of the fit's candidate splits. */
        public boolean isThinned() {
            return thinnedFrom > 0;
        }

        /**
         * At most {@code max} evenly spaced candidates plus every candidate in {@code keep} (the
         * current leaf bounds), so a model file stays the size of the model. Re-growing with the
         * same parameters picks the same splits from them (the best candidate is kept, and none
         * kept beats it); other parameters grow from the thinner set, which {@link #thinnedFrom}
         * records. Unchanged when there are at most {@code max}.
         */
        public Numeric thinned(int max, java.util.Set<Double> keep) {
            int m = splits.length;
            if (m <= max || isThinned()) {
                return this; // thinned once: a file re-written from a loaded model stays the same
            }
            boolean[] take = new boolean[m];
            for (int j = 0; j < max; j++) {
                take[(int) Math.round(j * (m - 1) / (double) (max - 1))] = true;
            }
            for (int i = 0; i < m; i++) {
                take[i] |= keep.contains(splits[i]);
            }
            int k = 0;
            for (boolean t : take) {
                k += t ? 1 : 0;
            }
            double[] sp = new double[k];
            int[] lc = new int[k];
            double[] lm = new double[k];
            int[] rc = new int[k];
            double[] rm = new double[k];
            for (int i = 0, j = 0; i < m; i++) {
                if (take[i]) {
                    sp[j] = splits[i];
                    lc[j] = leftCount[i];
                    lm[j] = leftMean[i];
                    rc[j] = rightCount[i];
                    rm[j++] = rightMean[i];
                }
            }
            return new Numeric(sp, lc, lm, rc, rm, count, mean, missingCount, missingMean, thinnedFrom > 0 ? thinnedFrom : m);
        }

        /** Whether these (possibly thinned) statistics are a subset of {@code full}'s, value for value. */
        boolean within(Numeric full) {
            if (count != full.count || Double.compare(mean, full.mean) != 0 || missingCount != full.missingCount
                    || Double.compare(missingMean, full.missingMean) != 0) {
                return false;
            }
            int j = 0;
            for (int i = 0; i < splits.length; i++) {
                while (j < full.splits.length && full.splits[j] < splits[i]) {
                    j++;
                }
                if (j == full.splits.length || full.splits[j] != splits[i] || leftCount[i] != full.leftCount[j]
                        || Double.compare(leftMean[i], full.leftMean[j]) != 0 || rightCount[i] != full.rightCount[j]
                        || Double.compare(rightMean[i], full.rightMean[j]) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Categories in leaf order (ascending target mean, ties by text) with their (count, mean). */
    record Categorical(String[] categories, int[] counts, double[] means, int missingCount, double missingMean)
            implements SplitStats {

        public Categorical {
            if (counts.length != categories.length || means.length != categories.length) {
                throw new PartitaException("Inconsistent split statistics: " + categories.length + " categories but"
                        + " count/mean arrays of other lengths. The model data is damaged; fit the model again.");
            }
        }
    }
}
