package partita.partition;

import java.util.HashSet;
import java.util.Set;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Whether a partitioned model classifies (binary target) or regresses (numeric target). */
public enum Kind {
    CLASSIFIER, REGRESSOR;

    /**
     * The kind a target suggests: a numeric column with more than two distinct values is a
     * regression target; anything else (text, boolean, two numbers such as 0/1) a classification one.
     */
    public static Kind infer(Table data, String target) {
        Column<?> t = Target.column(data, target);
        if (t instanceof NumericColumn<?> n) {
            Set<Double> distinct = new HashSet<>();
            for (int i = 0; i < n.size() && distinct.size() <= 2; i++) {
                if (!n.isMissing(i)) {
                    distinct.add(n.getDouble(i));
                }
            }
            return distinct.size() > 2 ? REGRESSOR : CLASSIFIER;
        }
        return CLASSIFIER;
    }

    /** Parses {@code classifier} / {@code regressor} (case-insensitive). */
    public static Kind parse(String text) {
        return Enums.parse(values(), text, "model kind");
    }
}
