package partita.partition.segment;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import partita.PartitaException;

/**
 * Maps raw segment values into named groups, declared as data (e.g. country to region), with an
 * optional catch-all group for every other value (in a {@code %%partition} body, one group per
 * line: {@code Europe: Germany, France} and {@code *: Other}).
 * Values are written as text and read in the type of the partition column (so {@code 4} in a
 * mapping of an integer column matches the number 4). Group names are text. Without a
 * catch-all, unlisted values stay segments of their own, with their own type. Missing values
 * stay missing (they form the {@code (missing)} segment), even with a catch-all.
 *
 * @param groups   group name to the raw values it gathers, in declaration order
 * @param catchAll group for values not listed, or null to keep them as they are
 */
public record ValueMapping(Map<String, List<String>> groups, String catchAll) implements java.io.Serializable {

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
     * The listed values read in the type of the column they map: text as is, numbers parsed
     * (integral ones become {@link Long}), booleans {@code true}/{@code false}.
     *
     * @param type   the kind of values the level produces
     * @param level  level name, for error messages
     */
    public Map<Object, String> resolve(KeyType type, String level) {
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
