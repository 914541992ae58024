package partita.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import partita.PartitaException;
import partita.partition.segment.KeyType;
import partita.partition.segment.Level;
import partita.partition.segment.ValueMapping;

/**
 * One partition level in SQL: the condition that a row's value at this level is a given segment
 * value, exactly as {@code Level} reads it (missing cells, derived date segments, value mappings
 * with their catch-all, integral numbers equal whatever the column's numeric type).
 */
final class SegmentCondition {

    private final Level level;
    /** The row's raw value at this level (before the mapping); NULL when missing. */
    private final String raw;
    /** True when the raw value is missing. */
    private final String missing;
    private final Map<Object, String> members;
    /** True when raw values are text, so a group name can also be a raw value. */
    private final boolean text;

    SegmentCondition(Level level, KeyType source) {
        this.level = level;
        String column = SqlScoring.identifier(level.column());
        if (level.derivation() != null) {
            String date = switch (source) {
                case DATE -> column;
                case TEXT -> "CAST(NULLIF(" + column + ", '') AS DATE)"; // ISO text, as Level reads it
                default -> throw new PartitaException("Cannot write the derived level " + level.name() + " in SQL:"
                        + " column '" + level.column() + "' holds " + source.name().toLowerCase() + " values. Derive"
                        + " from a date or ISO date text column.");
            };
            raw = SqlScoring.derived(level.derivation(), date);
            missing = raw + " IS NULL";
        } else {
            raw = column;
            missing = switch (source) {
                case TEXT -> "(" + column + " IS NULL OR " + column + " = '')";
                case NUMBER -> SqlScoring.missingNumber(column);
                default -> column + " IS NULL";
            };
        }
        text = level.derivation() != null || source == KeyType.TEXT;
        ValueMapping mapping = level.mapping();
        members = mapping == null ? Map.of()
                : mapping.resolve(level.derivation() == null ? source : KeyType.TEXT, "level " + level.name());
    }

    /** True when the row's segment value at this level is {@code value} (null: missing). */
    String matches(Object value) {
        if (value == null) {
            return missing;
        }
        ValueMapping mapping = level.mapping();
        if (mapping == null) {
            return raw + " = " + literal(value);
        }
        // the rows a mapping sends to a value: its group's members, every other value for the
        // catch-all, and without a catch-all the unlisted value itself
        List<String> parts = new ArrayList<>();
        List<Object> group = members.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey)
                .sorted((a, b) -> String.valueOf(a).compareTo(String.valueOf(b))).toList();
        if (!group.isEmpty()) {
            parts.add(raw + " IN (" + String.join(", ", group.stream().map(SegmentCondition::literal).toList()) + ")");
        }
        if (value.equals(mapping.catchAll())) {
            List<String> listed = members.keySet().stream().map(SegmentCondition::literal).sorted().toList();
            parts.add("NOT (" + missing + ")" + (listed.isEmpty() ? "" : " AND " + raw + " NOT IN ("
                    + String.join(", ", listed) + ")"));
        }
        if (mapping.catchAll() == null && !members.containsKey(value) && (text || !(value instanceof String))) {
            parts.add(raw + " = " + literal(value));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
    }

    /** A segment value as a SQL literal of its type. */
    private static String literal(Object value) {
        if (value instanceof String s) {
            return SqlScoring.literal(s);
        }
        if (value instanceof Double d) {
            return SqlScoring.number(d);
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return Objects.toString(value); // a Long
    }
}
