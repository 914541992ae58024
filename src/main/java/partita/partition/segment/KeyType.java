package partita.partition.segment;

import java.util.Locale;
import partita.PartitaException;
import partita.model.Kind;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Kind of values a partition column holds. A fitted model remembers it per level, so a
 * table whose partition column changed kind (e.g. codes read as numbers instead of text) is
 * refused instead of silently routing every row to {@code __dataset__}.
 */
public enum KeyType {
    TEXT, NUMBER, BOOLEAN, DATE;

    static KeyType of(Column<?> column) {
        if (column instanceof StringColumn) {
            return TEXT;
        }
        if (column instanceof NumericColumn<?>) {
            return NUMBER;
        }
        if (column instanceof BooleanColumn) {
            return BOOLEAN;
        }
        if (column instanceof DateColumn || column instanceof DateTimeColumn || column instanceof InstantColumn) {
            return DATE;
        }
        throw new PartitaException("Column '" + column.name() + "' has type " + column.type().name()
                + ", which cannot define segments. Partition by text, number or boolean columns, or derive "
                + "season, month, quarter, weekday or weekend from a date column.");
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a value written as text (in a value mapping) as this kind of key. */
    Object parse(String text, String what) {
        switch (this) {
            case NUMBER:
                try {
                    return SegmentKey.normalise(Double.parseDouble(text.strip()));
                } catch (NumberFormatException e) {
                    throw new PartitaException("The " + what + " is not a number, but that column holds numbers. "
                            + "List its values as numbers (e.g. 4, 6).");
                }
            case BOOLEAN:
                String t = text.strip().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return Boolean.valueOf(t);
                }
                throw new PartitaException("The " + what + " is not true or false, but that column holds booleans.");
            default:
                return text;
        }
    }
}
