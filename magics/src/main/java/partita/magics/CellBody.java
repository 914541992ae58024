package partita.magics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import partita.PartitaException;
import partita.partition.segment.ValueMapping;

/**
 * The body lines of the cell magics, read with the one tokeniser of the magic line
 * ({@link Words}, {@link Args}): {@code %%train}'s {@code segment: param=value ... features=a,b}
 * and {@code %%partition}'s {@code Group: value1, value2} / {@code *: Other}. Blank lines and
 * {@code #} comments are skipped; errors name the line.
 */
final class CellBody {

    /** The catch-all marker of a value mapping. */
    static final String CATCH_ALL = "*";

    private CellBody() {
    }

    /** A non-blank, non-comment line of a body and its 1-based number. */
    record Line(int number, String text) {
    }

    static List<Line> lines(List<String> body) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(new Line(i + 1, line));
            }
        }
        return out;
    }

    /** One {@code %%train} line: the segment and its words, parsed by the line's own keys. */
    record SegmentLine(int number, String segment, Args args) {
    }

    /**
     * {@code segment: param=value ... features=a,b} lines, each parsed against {@code keys} as a
     * magic line is ({@code features="a b",c} works the same in both); a segment named twice is
     * an error.
     */
    static List<SegmentLine> segmentLines(MagicSpec spec, List<Key> keys, List<String> body) {
        List<SegmentLine> out = new ArrayList<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (Line l : lines(body)) {
            String line = l.text();
            int eq = line.indexOf('=');
            int colon = eq < 0 ? line.lastIndexOf(':') : line.lastIndexOf(':', eq);
            if (colon <= 0) {
                throw new PartitaException("Line " + l.number() + " ('" + line + "') is not 'segment: param=value ..."
                        + " features=a,b'. Start it with the segment name and a colon, e.g. 'Husband: max_depth=6'.");
            }
            String segment = unquote(line.substring(0, colon).strip());
            Integer first = firstLine.putIfAbsent(segment, l.number());
            if (first != null) {
                throw new PartitaException("Line " + l.number() + " names segment '" + segment + "' again (first on line "
                        + first + "). Give each segment one line with all its settings.");
            }
            Args args;
            try {
                args = Args.parse(spec, keys, line.substring(colon + 1));
            } catch (PartitaException e) {
                throw new PartitaException("Line " + l.number() + " (" + segment + "): " + e.getMessage(), e);
            }
            out.add(new SegmentLine(l.number(), segment, args));
        }
        return out;
    }

    /**
     * A value mapping, one group per line: {@code Europe: Germany, France, "Bosnia, Herzegovina"}
     * and optionally {@code *: Other}; double quotes protect commas and colons.
     */
    static ValueMapping valueMapping(List<String> body) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        String catchAll = null;
        for (Line l : lines(body)) {
            String line = l.text();
            int number = l.number();
            int colon = colonOutsideQuotes(line);
            if (colon < 0) {
                throw new PartitaException("Line " + number + " of the value mapping ('" + line
                        + "') has no ':'. Write 'Group: value1, value2', or '*: Other' for the catch-all.");
            }
            String group = unquote(line.substring(0, colon).strip());
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

    /** The body lines {@link #valueMapping} reads back as the same mapping. */
    static String text(ValueMapping mapping) {
        StringBuilder sb = new StringBuilder();
        mapping.groups().forEach((g, vs) -> sb.append(quoteIfNeeded(g)).append(": ")
                .append(String.join(", ", vs.stream().map(CellBody::quoteIfNeeded).toList())).append('\n'));
        if (mapping.catchAll() != null) {
            sb.append(CATCH_ALL).append(": ").append(quoteIfNeeded(mapping.catchAll())).append('\n');
        }
        return sb.toString();
    }

    private static String quoteIfNeeded(String s) {
        return s.contains(",") || s.contains(":") || !s.equals(s.strip()) ? '"' + s + '"' : s;
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
                String item = unquote(cur.toString().strip());
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

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
