package partita.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

import partita.PartitaException;

/**
 * The sufficient statistics of one feature over some rows: every distinct value with its row
 * count and target sum, and the same for the missing cells. A tree grows from these alone
 * (docs/algorithm.md section 4), and they merge by adding, so they can be aggregated where the
 * rows are (one partition at a time) and fitted where the model is.
 *
 * @param values     numeric: distinct values, ascending (-0.0 counted as 0.0); null otherwise
 * @param categories categorical: distinct texts in {@link String#compareTo} order; null otherwise
 * @param counts     rows per value (each at least 1)
 * @param sums       target sum per value
 */
public record ValueCounts(String feature, double[] values, String[] categories, int[] counts, double[] sums,
                          int missingCount, double missingSum) implements Serializable {

    public ValueCounts {
        Objects.requireNonNull(feature, "feature");
        if ((values == null) == (categories == null)) {
            throw new IllegalArgumentException("values (numeric) or categories (categorical), not both");
        }
        int k = values != null ? values.length : categories.length;
        if (counts.length != k || sums.length != k) {
            throw new PartitaException("Inconsistent value counts of feature '" + feature + "': " + k + " values but "
                    + counts.length + " counts and " + sums.length + " sums.");
        }
    }

    public boolean numeric() {
        return values != null;
    }

    /** Rows counted, missing cells included. */
    public int rows() {
        return Arrays.stream(counts).sum() + missingCount;
    }

    /** The counts of one prepared feature over some rows of the data (targets {@code y}), in row order. */
    static ValueCounts of(TrainingData.PreparedColumn column, double[] y, int[] rows) {
        int k = column.size();
        if ((long) rows.length * SPARSE < k) {
            return sparse(column, y, rows);
        }
        int[] count = new int[k];
        double[] sum = new double[k];
        int[] codes = column.codes();
        int missingCount = 0;
        double missingSum = 0;
        for (int r : rows) {
            int c = codes[r];
            if (c < 0) {
                missingCount++;
                missingSum += y[r];
            } else {
                count[c]++;
                sum[c] += y[r];
            }
        }
        return present(column.name(), column.numeric() ? column.values() : null,
                column.numeric() ? null : column.categories(), count, sum, missingCount, missingSum);
    }

    /** Fewer rows than this fraction of the column's values are counted by sorting their codes, not in a slot per value. */
    private static final int SPARSE = 8;

    /** The same counts for a few rows among many values: their codes sorted (rows in order within a code). */
    private static ValueCounts sparse(TrainingData.PreparedColumn column, double[] y, int[] rows) {
        int[] codes = column.codes();
        long[] keyed = new long[rows.length];
        int n = 0;
        int missingCount = 0;
        double missingSum = 0;
        for (int i = 0; i < rows.length; i++) {
            int c = codes[rows[i]];
            if (c < 0) {
                missingCount++;
                missingSum += y[rows[i]];
            } else {
                keyed[n++] = ((long) c << 32) | i;
            }
        }
        Arrays.sort(keyed, 0, n);
        int[] code = new int[n];
        int[] count = new int[n];
        double[] sum = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int c = (int) (keyed[i] >>> 32);
            if (k == 0 || code[k - 1] != c) {
                code[k++] = c;
            }
            count[k - 1]++;
            sum[k - 1] += y[rows[(int) keyed[i]]];
        }
        double[] values = column.numeric() ? new double[k] : null;
        String[] categories = column.numeric() ? null : new String[k];
        for (int i = 0; i < k; i++) {
            if (values != null) {
                values[i] = column.values()[code[i]];
            } else {
                categories[i] = column.categories()[code[i]];
            }
        }
        return new ValueCounts(column.name(), values, categories, Arrays.copyOf(count, k), Arrays.copyOf(sum, k),
                missingCount, missingSum);
    }

    /** Only the values that some row has. */
    private static ValueCounts present(String feature, double[] values, String[] categories, int[] count, double[] sum,
                                       int missingCount, double missingSum) {
        int k = 0;
        for (int c : count) {
            k += c > 0 ? 1 : 0;
        }
        double[] v = values == null ? null : new double[k];
        String[] cats = categories == null ? null : new String[k];
        int[] cnt = new int[k];
        double[] sm = new double[k];
        for (int i = 0, j = 0; i < count.length; i++) {
            if (count[i] > 0) {
                if (v != null) {
                    v[j] = values[i];
                } else {
                    cats[j] = categories[i];
                }
                cnt[j] = count[i];
                sm[j++] = sum[i];
            }
        }
        return new ValueCounts(feature, v, cats, cnt, sm, missingCount, missingSum);
    }

    /** These counts and another's, of the same feature over other rows: values merged in order, counts and sums added. */
    public ValueCounts merge(ValueCounts other) {
        if (!feature.equals(other.feature) || numeric() != other.numeric()) {
            throw new IllegalArgumentException("cannot merge counts of " + feature + " with " + other.feature);
        }
        int a = counts.length;
        int b = other.counts.length;
        double[] v = numeric() ? new double[a + b] : null;
        String[] cats = numeric() ? null : new String[a + b];
        int[] cnt = new int[a + b];
        double[] sm = new double[a + b];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a || j < b) {
            int cmp = i == a ? 1 : j == b ? -1 : numeric() ? Double.compare(values[i], other.values[j])
                    : categories[i].compareTo(other.categories[j]);
            if (numeric()) {
                v[k] = cmp <= 0 ? values[i] : other.values[j];
            } else {
                cats[k] = cmp <= 0 ? categories[i] : other.categories[j];
            }
            cnt[k] = (cmp <= 0 ? counts[i] : 0) + (cmp >= 0 ? other.counts[j] : 0);
            sm[k] = cmp == 0 ? sums[i] + other.sums[j] : cmp < 0 ? sums[i] : other.sums[j];
            i += cmp <= 0 ? 1 : 0;
            j += cmp >= 0 ? 1 : 0;
            k++;
        }
        return new ValueCounts(feature, v == null ? null : Arrays.copyOf(v, k), cats == null ? null : Arrays.copyOf(cats, k),
                Arrays.copyOf(cnt, k), Arrays.copyOf(sm, k), missingCount + other.missingCount,
                missingSum + other.missingSum);
    }

    /** The split statistics a tree grows from (docs/algorithm.md section 4). */
    public SplitStats splitStats(double alpha) {
        double missingMean = missingCount == 0 ? Double.NaN : missingSum / missingCount;
        return numeric() ? Splits.numeric(values, counts, sums, missingCount, missingMean, alpha)
                : Splits.categorical(categories, counts, sums, missingCount, missingMean);
    }
}
