package partita.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import partita.PartitaException;

/**
 * Maps raw segment values into named groups, declared as data (e.g. country to region), with an
 * optional catch-all group for every other value. Text form, one group per line:
 * <pre>
 *   Europe: Germany, France, "Bosnia, Herzegovina"
 *   Asia: Japan, China
 *   *: Other
 * </pre>
 * Values are written as text and read in the type of the partition column (so {@code 4} in a
 * mapping of an integer column matches the number 4). Group names are text. Without a
 * catch-all, unlisted values stay segments of their own, with their own type. Missing values
 * stay missing (they form the {@code (missing)} segment), even with a catch-all.
 *
 * @param groups   group name to the raw values it gathers, in declaration order
 * @param catchAll group for values not listed, or null to keep them as they are
 */
public record ValueMapping(Map<String, List<String>> groups, String catchAll) {

    /** The catch-all marker in the text form. */
    public static final String CATCH_ALL = "*";

    public ValueMapping {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        for (Map.Entry<String, List<String>> e : groups.entrySet()) {
            String group = requireName(e.getKey(), "group name");
            if (e.getValue().isEmpty()) {
                throw new PartitaException("Group '" + group + "' of the value mapping lists no values. "
                        + "Write it as 'Group: value1, value2'.");
            }
            for (String v : e.getValue()) {
                String previous = owner.putIfAbsent(v, group);
                if (previous != null) {
                    throw new PartitaException("Value '" + v + "' is listed in group '" + previous
                            + "' and again in group '" + group + "' of the value mapping. List each value once.");
                }
            }
            copy.put(group, List.copyOf(e.getValue()));
        }
        if (copy.isEmpty() && catchAll == null) {
            throw new PartitaException("The value mapping is empty. Write one 'Group: value1, value2' line per "
                    + "group, and optionally '*: Other' for every other value.");
        }
        groups = Collections.unmodifiableMap(copy);
        catchAll = catchAll == null ? null : requireName(catchAll, "catch-all group name");
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new PartitaException("A " + what + " of the value mapping is empty. Write 'Group: value1, value2' "
                    + "and '*: Other'.");
        }
        return name.strip();
    }

    /**
     * Reads the text form (see the class comment). Blank lines and lines starting with {@code #}
     * are skipped; values may be double-quoted to contain commas.
     */
    public static ValueMapping parse(String text) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        String catchAll = null;
        for (Words.Line l : Words.lines(text)) {
            String line = l.text();
            int number = l.number();
            int colon = colonOutsideQuotes(line);
            if (colon < 0) {
                throw new PartitaException("Line " + number + " of the value mapping ('" + line
                        + "') has no ':'. Write 'Group: value1, value2', or '*: Other' for the catch-all.");
            }
            String group = Words.unquote(line.substring(0, colon).strip());
            List<String> values = splitValues(line.substring(colon + 1), number);
            if (group.equals(CATCH_ALL)) {
                if (catchAll != null || values.size() != 1) {
                    throw new PartitaException("Line " + number + " of the value mapping: the catch-all is written "
                            + "once, as '*: GroupName' with one group name.");
                }
                catchAll = values.get(0);
            } else if (groups.containsKey(group)) {
                throw new PartitaException("Group '" + group + "' appears twice in the value mapping (line " + number
                        + "). Put all its values on one line.");
            } else {
                groups.put(group, values);
            }
        }
        return new ValueMapping(groups, catchAll);
    }

    /** The first ':' not inside double quotes (a quoted group name may hold one), or -1. */
    private static int colonOutsideQuotes(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** Comma-separated values; double quotes protect commas; empty items are refused. */
    private static List<String> splitValues(String text, int line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ',' && !quoted) {
                String item = Words.unquote(cur.toString().strip());
                if (item.isEmpty()) {
                    throw new PartitaException("Line " + line + " of the value mapping has an empty value. "
                            + "Separate values with single commas: 'Group: value1, value2'.");
                }
                out.add(item);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new PartitaException("Line " + line + " of the value mapping has an unclosed double quote.");
        }
        return out;
    }

    /** The text form that {@link #parse(String)} reads back. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        groups.forEach((g, vs) -> sb.append(quoteIfNeeded(g)).append(": ")
                .append(String.join(", ", vs.stream().map(ValueMapping::quoteIfNeeded).toList())).append('\n'));
        if (catchAll != null) {
            sb.append(CATCH_ALL).append(": ").append(quoteIfNeeded(catchAll)).append('\n');
        }
        return sb.toString();
    }

    private static String quoteIfNeeded(String s) {
        return s.contains(",") || s.contains(":") || !s.equals(s.strip()) ? '"' + s + '"' : s;
    }

    /**
     * The listed values read in the type of the column they map: text as is, numbers parsed
     * (integral ones become {@link Long}), booleans {@code true}/{@code false}.
     *
     * @param type   the kind of values the level produces
     * @param level  level name, for error messages
     */
    Map<Object, String> resolve(KeyType type, String level) {
        Map<Object, String> out = new HashMap<>();
        groups.forEach((group, values) -> {
            for (String v : values) {
                out.put(type.parse(v, "value '" + v + "' of group '" + group + "' in the mapping of " + level), group);
            }
        });
        return out;
    }

    /** Applies a resolved mapping to one typed value. */
    Object apply(Map<Object, String> resolved, Object value) {
        if (value == null) {
            return null;
        }
        String group = resolved.get(value);
        if (group != null) {
            return group;
        }
        return catchAll != null ? catchAll : value;
    }
}
