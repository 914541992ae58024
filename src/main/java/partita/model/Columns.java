package partita.model;

import java.util.ArrayList;
import java.util.List;

import partita.PartitaException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Reading tablesaw columns the way the engine sees them (docs/algorithm.md section 3). */
public final class Columns {

    private Columns() {
    }

    /** The column, or an error naming close matches. */
    static Column<?> column(Table table, String name, String role) {
        if (name == null) {
            throw new PartitaException("No " + role + " column given. Pass the name of one of the table's columns: "
                    + String.join(", ", table.columnNames()) + ".");
        }
        if (!table.containsColumn(name)) {
            throw PartitaException.unknownName(role.equals("target") ? "target column" : "column", name,
                    table.columnNames());
        }
        return table.column(name);
    }

    static boolean isNumeric(Column<?> c) {
        return c instanceof NumericColumn<?>;
    }

    static boolean isCategorical(Column<?> c) {
        return c instanceof StringColumn || c instanceof BooleanColumn;
    }

    /** Refuses column types the model cannot use, saying what to do instead. */
    static void checkFeatureType(Column<?> c) {
        if (!isNumeric(c) && !isCategorical(c)) {
            throw new PartitaException("Feature column '" + c.name() + "' has type " + c.type().name()
                    + ", which the model cannot use: features must be numeric, text or boolean. Convert it (e.g. a"
                    + " date to its year, month or day number, or to text) or leave it out of the features.");
        }
    }

    /** Numeric values as doubles, NaN where missing (tablesaw's getDouble maps missing to NaN). */
    static double[] doubles(Column<?> c) {
        return ((NumericColumn<?>) c).asDoubleArray();
    }

    /** A numeric cell as a double, NaN when missing. */
    static double numericValue(Column<?> c, int row) {
        return ((NumericColumn<?>) c).getDouble(row);
    }

    /**
     * Text of a categorical cell ("true"/"false" for booleans), or null when missing. An empty
     * string is missing: it is tablesaw's missing-value marker, and StringColumn.isMissing does
     * not always report cells set missing after creation.
     */
    static String text(Column<?> c, int row) {
        if (c instanceof BooleanColumn b) {
            return b.isMissing(row) ? null : b.get(row).toString();
        }
        String s = ((StringColumn) c).get(row);
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * Whether a cell is missing (NaN, tablesaw's missing marker, or an empty string): the one
     * missing-cell rule of the engine, for features, targets and partition columns alike.
     */
    public static boolean isMissing(Column<?> c, int row) {
        if (c instanceof StringColumn sc) {
            return text(sc, row) == null;
        }
        return c.isMissing(row);
    }

    /** A cell as the user sees it: Double for numeric, String for categorical, null when missing. */
    static Object value(Column<?> c, int row) {
        if (isNumeric(c)) {
            double v = numericValue(c, row);
            return Double.isNaN(v) ? null : v;
        }
        return text(c, row);
    }

    /** The rows to read: the given view, or all rows when null. */
    static int[] rowsOrAll(int[] rows, int rowCount) {
        if (rows != null) {
            for (int r : rows) {
                if (r < 0 || r >= rowCount) {
                    throw new PartitaException("Row index " + r + " is outside the table, which has " + rowCount
                            + " rows. Pass row indices from 0 to " + (rowCount - 1) + ".");
                }
            }
            return rows;
        }
        int[] all = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            all[i] = i;
        }
        return all;
    }

    /** Column names of a table except the given one, in table order. */
    static List<String> allBut(Table table, String target) {
        List<String> names = new ArrayList<>(table.columnNames());
        names.remove(target);
        return names;
    }
}
