package partita.partition;

import partita.model.Params;
import partita.partition.segment.Enums;

/**
 * How a segment's parameters are chosen before per-segment overrides apply.
 *
 * <p>{@link #FIXED}: the same parameters for every segment.
 *
 * <p>{@link #AUTO}: complexity follows the evidence a segment offers, its effective size
 * {@code m = n * r}, where n is its training rows and r its target variance relative to the
 * whole training set (classifier p(1-p) / P(1-P), regressor variance / variance; r = 1 for
 * {@code __dataset__}). Larger and more variable segments get deeper trees and a lower gain
 * threshold:
 * <pre>
 *   max_depth     = clamp(1 + round(log2(m / 100)), 2, 12)
 *   min_info_gain = clamp(1 / m, 1e-6, 0.05)
 * </pre>
 * so m = 10,000 gives the defaults (8, 1e-4), m = 1,000 gives (4, 1e-3) and m = 100 gives
 * (2, 0.01). Every other parameter comes from the base parameters.
 */
public enum Policy {
    FIXED, AUTO;

    /** The parameters for a segment of n rows with target variance ratio r (see the class comment). */
    Params params(Params base, int n, double varianceRatio) {
        if (this == FIXED) {
            return base;
        }
        double m = Math.max(1.0, n * (Double.isFinite(varianceRatio) ? varianceRatio : 1.0));
        int depth = (int) Math.max(2, Math.min(12, 1 + Math.round(Math.log(m / 100) / Math.log(2))));
        double gain = Math.max(1e-6, Math.min(0.05, 1 / m));
        return base.toBuilder().maxDepth(depth).minInfoGain(gain).build();
    }

    /** Parses {@code fixed} / {@code auto} (case-insensitive). */
    public static Policy parse(String text) {
        return Enums.parse(values(), text, "policy");
    }
}
