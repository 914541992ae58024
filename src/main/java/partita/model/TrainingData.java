package partita.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import partita.PartitaException;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table prepared once for training: target encoded, every feature turned into primitive
 * arrays (numeric values as codes into their sorted distinct values, categories as codes into
 * their sorted texts). Read-only, so many fits (one per segment) share it through row index
 * views without copying.
 */
public final class TrainingData {

    private final Table table;
    private final String target;
    private final List<String> features;
    private final boolean classification;
    private final double[] y;
    private final List<Object> labels;
    private final PreparedColumn[] columns;
    private final Map<String, Integer> featureIndex = new HashMap<>();

    private TrainingData(Table table, String target, List<String> features, boolean classification) {
        this.table = table;
        this.target = target;
        this.classification = classification;
        Column<?> t = Columns.column(table, target, "target");
        List<String> feats = features == null ? Columns.allBut(table, target) : List.copyOf(features);
        checkFeatures(table, target, feats);
        this.features = feats;
        if (table.rowCount() == 0) {
            throw new PartitaException("The training table is empty (0 rows). Pass a table with rows to fit on.");
        }
        if (classification) {
            checkNoMissingTarget(t);
            this.labels = binaryLabels(t);
            this.y = Labels.read(t, labels);
        } else {
            this.labels = List.of();
            this.y = regressionTarget(t);
        }
        this.columns = new PreparedColumn[feats.size()];
        IntStream.range(0, feats.size()).parallel()
                .forEach(j -> columns[j] = PreparedColumn.of(table.column(feats.get(j))));
        for (int j = 0; j < feats.size(); j++) {
            featureIndex.put(feats.get(j), j);
        }
    }

    /** Prepares a table for a binary classifier; features null = all columns but the target. */
    public static TrainingData forClassification(Table table, String target, List<String> features) {
        return new TrainingData(table, target, features, true);
    }

    /** Prepares a table for a regressor; features null = all columns but the target. */
    public static TrainingData forRegression(Table table, String target, List<String> features) {
        return new TrainingData(table, target, features, false);
    }

    public Table table() {
        return table;
    }

    public String target() {
        return target;
    }

    public List<String> features() {
        return features;
    }

    public int rowCount() {
        return y.length;
    }

    public boolean isClassification() {
        return classification;
    }

    /** The target per row: 0/1 for a classifier, the numeric value for a regressor (a copy). */
    public double[] targetValues() {
        return y.clone();
    }

    /** Classifier: [label mapped to 0, label mapped to 1] in the column's own type; empty for a regressor. */
    public List<Object> labels() {
        return labels;
    }

    double[] y() {
        return y;
    }

    PreparedColumn column(String feature) {
        Integer j = featureIndex.get(feature);
        if (j == null) {
            throw PartitaException.unknownName("feature", feature, features);
        }
        return columns[j];
    }

    /**
     * The value counts of groups of some rows (one chunk of a distributed table, split by segment):
     * per group, one {@link ValueCounts} per feature, in feature order. Each column is prepared once
     * for all groups; the features are checked as a fit checks its table. {@code y} is the target
     * as {@link Kind#read} gives it (which checks a classifier's labels); every row of a group must
     * have one, finite.
     */
    public static List<List<ValueCounts>> counts(Table rows, String target, List<String> features, double[] y,
                                                 List<int[]> groups) {
        checkFeatures(rows, target, features);
        for (int[] g : groups) {
            for (int r : g) {
                if (!Double.isFinite(y[r])) {
                    throw new PartitaException("Row " + r + " of target column '" + target + "' is "
                            + (Double.isNaN(y[r]) ? "missing" : "infinite") + "; the value counts take only rows"
                            + " with a finite target. Drop or fill such rows before fitting.");
                }
            }
        }
        PreparedColumn[] columns = features.stream().map(f -> PreparedColumn.of(rows.column(f)))
                .toArray(PreparedColumn[]::new);
        List<List<ValueCounts>> out = new ArrayList<>(groups.size());
        for (int[] g : groups) {
            List<ValueCounts> counts = new ArrayList<>(columns.length);
            for (PreparedColumn c : columns) {
                counts.add(ValueCounts.of(c, y, g));
            }
            out.add(counts);
        }
        return out;
    }

    /** A regressor's target: numeric, none missing, finite. */
    private static double[] regressionTarget(Column<?> t) {
        double[] y = Kind.REGRESSOR.read(t, List.of());
        checkNoMissingTarget(t);
        checkFiniteTarget(t.name(), y);
        return y;
    }

    private static void checkFeatures(Table table, String target, List<String> features) {
        if (features.isEmpty()) {
            throw new PartitaException("No feature columns: the table has only the target '" + target
                    + "'. Add feature columns to fit on.");
        }
        TreeSet<String> seen = new TreeSet<>();
        for (String f : features) {
            if (f != null && f.equals(target)) {
                throw new PartitaException("The target column '" + target + "' is also listed as a feature."
                        + " Remove it from the features.");
            }
            if (!seen.add(Columns.column(table, f, "feature").name())) {
                throw new PartitaException("Feature '" + f + "' is listed twice. List each feature once.");
            }
            Columns.checkFeatureType(table.column(f));
        }
    }

    /** A regressor learns means of its target: an infinite target would make every mean and score infinite or NaN. */
    private static void checkFiniteTarget(String name, double[] y) {
        int[] rows = IntStream.range(0, y.length).filter(i -> Double.isInfinite(y[i])).toArray();
        if (rows.length > 0) {
            throw new PartitaException("The regressor target column '" + name + "' has " + rows.length
                    + " infinite value(s) (first at row " + rows[0] + ", " + y[rows[0]] + "). Drop or cap those rows"
                    + " before fitting: a mean over an infinite target is not a number.");
        }
    }

    private static void checkNoMissingTarget(Column<?> t) {
        int[] missingRows = IntStream.range(0, t.size()).filter(i -> Columns.isMissing(t, i)).toArray();
        int missing = missingRows.length;
        if (missing > 0) {
            int first = missingRows[0];
            throw new PartitaException("The target column '" + t.name() + "' has " + missing
                    + " missing value(s) (first at row " + first + "). Drop those rows (e.g."
                    + " table.dropWhere(table.column(\"" + t.name() + "\").isMissing())) or fill them before fitting.");
        }
    }

    /**
     * The two labels of a binary target column, sorted (the first maps to 0), missing cells
     * ignored; anything but two labels is an error. The one rule for every classifier target,
     * partitioned models included.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<Object> binaryLabels(Column<?> t) {
        Set<Object> seen = new LinkedHashSet<>();
        for (int i = 0; i < t.size(); i++) {
            if (!Columns.isMissing(t, i)) {
                seen.add(t.get(i));
            }
        }
        List<Object> distinct = new ArrayList<>(seen);
        if (distinct.size() != 2) {
            String shown = distinct.size() > 10 ? distinct.subList(0, 10) + "..." : distinct.toString();
            throw new PartitaException("The classifier target column '" + t.name() + "' has " + distinct.size()
                    + " distinct label(s) " + shown + "; a binary classifier needs exactly two. "
                    + (distinct.size() < 2 ? "Check the rows selected for training: they must contain both classes."
                    : "Map the labels to two classes first, or use XRegressor for a numeric target."));
        }
        Collections.sort((List) distinct);
        return List.copyOf(distinct);
    }

    /**
     * One feature as codes per row (-1 = missing) into {@code values} (numeric: sorted
     * distinct values) or {@code categories} (categorical: sorted texts).
     */
    record PreparedColumn(String name, boolean numeric, double[] values, String[] categories, int[] codes) {

        private static final int FEW_BITS = 14;
        private static final int FEW = 1 << FEW_BITS;

        int size() {
            return numeric ? values.length : categories.length;
        }

        static PreparedColumn of(Column<?> c) {
            return Columns.isNumeric(c) ? numericOf(c) : categoricalOf(c);
        }

        private static PreparedColumn numericOf(Column<?> c) {
            double[] v = Columns.doubles(c);
            PreparedColumn few = fewDistinct(c.name(), v);
            return few != null ? few : sorted(c.name(), v);
        }

        /** Codes by hashing, O(n), for columns with at most FEW distinct values (most integer columns); else null. */
        private static PreparedColumn fewDistinct(String name, double[] v) {
            int[] slotCode = new int[2 * FEW];
            Arrays.fill(slotCode, -1);
            long[] slotKey = new long[2 * FEW];
            double[] distinct = new double[FEW];
            int k = 0;
            int[] codes = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                double x = v[i] + 0.0; // -0.0 counts as 0.0
                if (Double.isNaN(x)) {
                    codes[i] = -1;
                    continue;
                }
                long bits = Double.doubleToRawLongBits(x);
                int h = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - FEW_BITS - 1));
                while (slotCode[h] >= 0 && slotKey[h] != bits) {
                    h = (h + 1) & (2 * FEW - 1);
                }
                if (slotCode[h] < 0) {
                    if (k == FEW) {
                        return null;
                    }
                    slotCode[h] = k;
                    slotKey[h] = bits;
                    distinct[k++] = x;
                }
                codes[i] = slotCode[h];
            }
            double[] sorted = Arrays.copyOf(distinct, k);
            Arrays.sort(sorted);
            int[] rank = new int[k];
            for (int j = 0; j < k; j++) {
                rank[j] = Arrays.binarySearch(sorted, distinct[j]);
            }
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] >= 0) {
                    codes[i] = rank[codes[i]];
                }
            }
            return new PreparedColumn(name, true, sorted, null, codes);
        }

        /** Codes by sorting, O(n log n) (a radix argsort), for columns with many distinct values. */
        private static PreparedColumn sorted(String name, double[] v) {
            int[] present = new int[v.length];
            int m = 0;
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    present[m++] = i;
                }
            }
            int[] order = Sorting.argsort(v, Arrays.copyOf(present, m));
            int[] codes = new int[v.length];
            Arrays.fill(codes, -1);
            double[] distinct = new double[order.length];
            int k = -1;
            for (int r : order) {
                if (k < 0 || v[r] != distinct[k]) {
                    distinct[++k] = v[r] + 0.0;
                }
                codes[r] = k;
            }
            return new PreparedColumn(name, true, Arrays.copyOf(distinct, k + 1), null, codes);
        }

        private static PreparedColumn categoricalOf(Column<?> c) {
            int n = c.size();
            Map<String, Integer> firstSeen = new HashMap<>();
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                String s = Columns.text(c, i);
                codes[i] = s == null ? -1 : firstSeen.computeIfAbsent(s, key -> firstSeen.size());
            }
            String[] categories = firstSeen.keySet().toArray(new String[0]);
            Arrays.sort(categories);
            int[] remap = new int[categories.length];
            for (int j = 0; j < categories.length; j++) {
                remap[firstSeen.get(categories[j])] = j;
            }
            for (int i = 0; i < n; i++) {
                if (codes[i] >= 0) {
                    codes[i] = remap[codes[i]];
                }
            }
            return new PreparedColumn(c.name(), false, null, categories, codes);
        }
    }
}
