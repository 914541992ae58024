package partita.partition;

import java.util.List;
import partita.PartitaException;
import partita.model.Labels;
import partita.model.TrainingData;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Reads a target column as numbers: 0/1 for a classifier (by its labels), values for a regressor. */
final class Target {

    private Target() {
    }

    static Column<?> column(Table data, String target) {
        if (target == null || !data.containsColumn(target)) {
            throw PartitaException.unknownName("target column", String.valueOf(target), data.columnNames());
        }
        return data.column(target);
    }

    /**
     * The target of every row, NaN where it is missing.
     *
     * @param labels classifier labels [negative, positive] (a cell matching neither is an error),
     *               or null for a numeric target
     */
    static double[] read(Table data, String target, List<Object> labels) {
        Column<?> t = column(data, target);
        double[] y = new double[t.size()];
        if (labels == null) {
            if (!(t instanceof NumericColumn<?> n)) {
                throw new PartitaException("The target column '" + target + "' has type " + t.type().name()
                        + ", but this model predicts numbers. Pass a table whose '" + target + "' is numeric.");
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = n.getDouble(i);
            }
            return y;
        }
        return Labels.read(t, labels);
    }

    /** Binary labels of a column, sorted (the first maps to 0): the engine's rule. */
    static List<Object> labels(Table data, String target) {
        return TrainingData.binaryLabels(column(data, target));
    }
}
