package partita.partition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import partita.model.Columns;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The features of a partitioned model when none are named: every column but the target and the
 * partition columns, less id-like columns. An id-like column has a different value in every row
 * (at least {@link #MIN_ROWS} rows): a text column, or a whole-number column whose values are
 * consecutive (a row number). It can only memorise rows (one leaf per row), so it is left out,
 * and the notes say so; name it in {@code features=} to use it anyway.
 *
 * @param features the default features
 * @param idLike   the id-like columns left out
 */
record DefaultFeatures(List<String> features, List<String> idLike) {

    static final int MIN_ROWS = 20;

    static DefaultFeatures of(Table table, String target, List<String> partitionColumns) {
        List<String> features = new ArrayList<>();
        List<String> idLike = new ArrayList<>();
        for (String name : table.columnNames()) {
            if (name.equals(target) || partitionColumns.contains(name)) {
                continue;
            }
            (idLike(table.column(name)) ? idLike : features).add(name);
        }
        if (features.isEmpty()) {
            return new DefaultFeatures(idLike, List.of()); // nothing else to learn from: keep them
        }
        return new DefaultFeatures(List.copyOf(features), List.copyOf(idLike));
    }

    /** The note shown when id-like columns were left out, or "" when none were. */
    String note() {
        if (idLike.isEmpty()) {
            return "";
        }
        return "Left out of the features: " + String.join(", ", idLike) + " (a different value in every row, like an id:"
                + " a model could only memorise rows). Name them in features= to use them anyway.";
    }

    static boolean idLike(Column<?> c) {
        int n = c.size();
        if (n < MIN_ROWS) {
            return false;
        }
        boolean text = c instanceof StringColumn;
        boolean whole = c instanceof IntColumn || c instanceof LongColumn || c instanceof ShortColumn;
        if (!text && !whole) {
            return false;
        }
        Set<Object> seen = new HashSet<>();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (Columns.isMissing(c, i)) {
                return false;
            }
            Object v = c.get(i);
            if (!seen.add(v)) {
                return false;
            }
            if (whole) {
                long x = ((Number) v).longValue();
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return text || max - min + 1 == n;
    }
}
