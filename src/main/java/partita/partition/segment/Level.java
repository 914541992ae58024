package partita.partition.segment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import partita.PartitaException;
import partita.model.Columns;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One level of a partition hierarchy: the column it reads, optionally a value derived from a
 * date column and/or a mapping of values into groups, and the minimum number of rows a segment
 * of this level needs to get its own model.
 *
 * @param column     source column
 * @param derivation derived date segment (season, month...), or null to use the values as they are
 * @param mapping    value groups (applied after the derivation), or null
 * @param minSize    rows a segment needs (rows with a target value) to be trained, at least 1
 */
public record Level(String column, Derivation derivation, ValueMapping mapping, int minSize) implements java.io.Serializable {

    /** Minimum segment size when none is given. */
    public static final int DEFAULT_MIN_SIZE = 100;

    public Level {
        if (column == null || column.isBlank()) {
            throw new PartitaException("A partition level needs a column name.");
        }
        if (minSize < 1) {
            throw new PartitaException("min_size of level '" + column + "' is " + minSize
                    + "; it must be at least 1 (rows a segment needs to get its own model).");
        }
    }

    /** A level on a column's own values, with the default minimum size. */
    public static Level of(String column) {
        return new Level(column, null, null, DEFAULT_MIN_SIZE);
    }

    /** A level derived from a date column, e.g. {@code derived(Derivation.SEASON, "date")}. */
    public static Level derived(Derivation derivation, String column) {
        return new Level(column, derivation, null, DEFAULT_MIN_SIZE);
    }

    public Level withMinSize(int size) {
        return new Level(column, derivation, mapping, size);
    }

    public Level withMapping(ValueMapping valueMapping) {
        return new Level(column, derivation, valueMapping, minSize);
    }

    /** Display name: the column, or e.g. {@code season(date)} for a derived level. */
    public String name() {
        return derivation == null ? column : derivation.label() + "(" + column + ")";
    }

    /**
     * The typed segment value of every row of a table at this level (null = missing), with the
     * kind of the source column.
     */
    Values read(Table table) {
        if (!table.containsColumn(column)) {
            throw PartitaException.unknownName("partition column", column, table.columnNames());
        }
        Column<?> col = table.column(column);
        KeyType source = KeyType.of(col);
        if (derivation == null && source == KeyType.DATE) {
            throw new PartitaException("Partition column '" + column + "' holds dates; a segment per date is rarely "
                    + "meant. Derive one instead: season, month, quarter, weekday or weekend (e.g. derive=month:"
                    + column + ").");
        }
        if (derivation != null && source != KeyType.DATE && source != KeyType.TEXT) {
            throw new PartitaException("Cannot derive " + derivation.label() + " from column '" + column
                    + "': it holds " + source.label() + " values, not dates. Derive from a date, date-time or ISO"
                    + " date text column.");
        }
        Map<Object, String> resolved = mapping == null ? null
                : mapping.resolve(derivation == null ? source : KeyType.TEXT, "level " + name());
        if (mapping != null && derivation != null) {
            for (Object v : resolved.keySet()) {
                if (!derivation.categories().contains(v)) {
                    throw PartitaException.unknownName(derivation.label() + " value", (String) v,
                            derivation.categories());
                }
            }
        }
        Object[] out = new Object[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            Object v = Columns.isMissing(col, i) ? null : cell(col, i);
            out[i] = mapping == null ? v : mapping.apply(resolved, v);
        }
        return new Values(source, out);
    }

    /**
     * What a user should know about this level on a table: mapping values that match no row (with
     * close matches), a mapping that matches nothing, a column with nearly one value per row.
     */
    public List<String> notes(Table table) {
        List<String> out = new ArrayList<>();
        if (!table.containsColumn(column) || table.rowCount() == 0) {
            return out;
        }
        Column<?> col = table.column(column);
        Set<Object> present = new LinkedHashSet<>();
        for (int i = 0; i < table.rowCount(); i++) {
            if (!Columns.isMissing(col, i)) {
                present.add(cell(col, i));
            }
        }
        if (mapping != null) {
            KeyType source = derivation == null ? KeyType.of(col) : KeyType.TEXT;
            Map<Object, String> resolved = mapping.resolve(source, "level " + name());
            List<String> seen = present.stream().map(String::valueOf).toList();
            int matched = 0;
            for (Map.Entry<Object, String> e : resolved.entrySet()) {
                if (present.contains(e.getKey())) {
                    matched++;
                    continue;
                }
                List<String> close = PartitaException.closeMatches(String.valueOf(e.getKey()), seen);
                out.add("Mapping value '" + e.getKey() + "' (group " + e.getValue() + ") matches no row of " + name()
                        + (close.isEmpty() ? "." : ". Did you mean: " + String.join(", ", close) + "?"));
            }
            if (matched == 0 && !resolved.isEmpty()) {
                out.add("The mapping of " + name() + " matches no value in the data: " + (mapping.catchAll() == null
                        ? "every row keeps its own value." : "every row goes to the catch-all '" + mapping.catchAll()
                        + "'."));
            }
        } else if (derivation == null && present.size() > 20 && present.size() * 2 > table.rowCount()) {
            out.add("Partition column " + column + " has " + present.size() + " distinct values in " + table.rowCount()
                    + " rows: nearly one segment per row, so most segments will be too small to train. Partition by a"
                    + " coarser column, or map its values into groups with %%partition.");
        }
        return out;
    }

    private Object cell(Column<?> col, int row) {
        if (derivation != null) {
            return derivation.of(date(col, row));
        }
        if (col instanceof LongColumn lc) {
            return lc.getLong(row);
        }
        if (col instanceof NumericColumn<?> nc) {
            return SegmentKey.normalise(nc.getDouble(row));
        }
        if (col instanceof BooleanColumn bc) {
            return bc.get(row);
        }
        return col.getString(row);
    }

    /** The date of a cell: dates, date-times, instants (UTC) and ISO text are read. */
    private LocalDate date(Column<?> col, int row) {
        if (col instanceof DateColumn dc) {
            return dc.get(row);
        }
        if (col instanceof DateTimeColumn dtc) {
            return dtc.get(row).toLocalDate();
        }
        if (col instanceof InstantColumn ic) {
            return ic.get(row).atOffset(ZoneOffset.UTC).toLocalDate();
        }
        String s = col.getString(row).strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            String iso = s.replace(' ', 'T');
            return iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")
                    ? OffsetDateTime.parse(iso).toLocalDate() : LocalDateTime.parse(iso).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new PartitaException("Cannot derive " + derivation.label() + " from column '" + column + "': row "
                    + row + " holds '" + s + "', which is not an ISO date (2024-03-31) or date-time "
                    + "(2024-03-31T12:00). Fix the value or convert the column to dates.");
        }
    }

    /** Rank of a value in the level's natural order: mapping groups as declared, then calendar order. */
    private int rank(Object value) {
        int base = 0;
        if (mapping != null && value != null) {
            for (String group : mapping.groups().keySet()) {
                if (group.equals(value)) {
                    return base;
                }
                base++;
            }
            if (value.equals(mapping.catchAll())) {
                return base;
            }
            base++;
        }
        int d = derivation == null ? -1 : derivation.order(value);
        return d < 0 ? Integer.MAX_VALUE : base + d;
    }

    /** Compares two values of this level: ranked values first in rank order, then natural order. */
    int compare(Object a, Object b) {
        int c = Integer.compare(rank(a), rank(b));
        return c != 0 ? c : SegmentKey.compareValues(a, b);
    }

    /** Typed values of one level for every row, and the kind of the source column. */
    record Values(KeyType source, Object[] values) {
    }
}
