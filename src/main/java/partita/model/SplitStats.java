package partita.model;

import partita.PartitaException;

/**
 * The per-feature statistics a fit computes from the data once (algorithm.md section 4) and a
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
                   int count, double mean, int missingCount, double missingMean) implements SplitStats {

        public Numeric {
            int m = splits.length;
            if (leftCount.length != m || leftMean.length != m || rightCount.length != m || rightMean.length != m) {
                throw new PartitaException("Inconsistent split statistics: " + m + " splits but side arrays of"
                        + " other lengths. The model data is damaged; fit the model again.");
            }
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
