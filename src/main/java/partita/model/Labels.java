package partita.model;

import java.util.List;

import partita.PartitaException;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * The one label rule of every classifier target (training, evaluation, comparison,
 * monitoring): a cell matches a label when both are numbers of equal value, or else when
 * their texts are equal; a missing cell ({@link Columns#isMissing}) reads as NaN.
 */
public final class Labels {

    private Labels() {
    }

    /**
     * 0 (negative) or 1 (positive) per row, NaN where the cell is missing.
     *
     * @param labels [negative, positive]; a cell matching neither is an error naming both
     */
    public static double[] read(Column<?> t, List<Object> labels) {
        double[] y = new double[t.size()];
        for (int i = 0; i < y.length; i++) {
            if (Columns.isMissing(t, i)) {
                y[i] = Double.NaN;
                continue;
            }
            Object v = t instanceof NumericColumn<?> n ? (Object) n.getDouble(i) : t.get(i);
            if (matches(v, labels.get(1))) {
                y[i] = 1;
            } else if (matches(v, labels.get(0))) {
                y[i] = 0;
            } else {
                throw new PartitaException("Row " + i + " of target column '" + t.name() + "' holds '" + v
                        + "', which is not one of the model's labels " + labels + ". Pass rows labelled like the"
                        + " training data.");
            }
        }
        return y;
    }

    private static boolean matches(Object cell, Object label) {
        if (cell instanceof Number a && label instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return cell.toString().equals(label.toString());
    }
}
