package partita.model;

/** Primitive sorting helpers (no boxing): an LSD radix argsort of doubles. */
final class Sorting {

    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int PASSES = (64 + BITS - 1) / BITS;

    private Sorting() {
    }

    /**
     * The rows sorted by ascending value (stable, so equal values keep row order). Values must
     * not be NaN; -0.0 sorts as 0.0.
     */
    static int[] argsort(double[] values, int[] rows) {
        int n = rows.length;
        if (n == 0) {
            return new int[0];
        }
        long[] keys = new long[n];
        int[][] counts = new int[PASSES][BUCKETS];
        for (int i = 0; i < n; i++) {
            long k = sortableKey(values[rows[i]]);
            keys[i] = k;
            for (int p = 0; p < PASSES; p++) {
                counts[p][(int) (k >>> (p * BITS)) & (BUCKETS - 1)]++;
            }
        }
        int[] idx = rows.clone();
        long[] keys2 = new long[n];
        int[] idx2 = new int[n];
        for (int p = 0; p < PASSES; p++) {
            int[] c = counts[p];
            int shift = p * BITS;
            if (c[(int) (keys[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue; // every key has the same digit: nothing to reorder
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int t = c[b];
                c[b] = sum;
                sum += t;
            }
            for (int i = 0; i < n; i++) {
                int pos = c[(int) (keys[i] >>> shift) & (BUCKETS - 1)]++;
                keys2[pos] = keys[i];
                idx2[pos] = idx[i];
            }
            long[] tk = keys;
            keys = keys2;
            keys2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        return idx;
    }

    /** Bits of a double whose unsigned order is the numeric order. */
    private static long sortableKey(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0); // -0.0 + 0.0 == +0.0
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }
}
