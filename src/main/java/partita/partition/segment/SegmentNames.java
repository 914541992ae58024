package partita.partition.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import partita.PartitaException;

/** Looking segments up by the names people type. */
public final class SegmentNames {

    private SegmentNames() {
    }

    /**
     * The segment with exactly this display name. An unknown name gets close matches, and a
     * hint when the same text exists as a quoted (text) segment: {@code 1} never finds {@code "1"}.
     */
    public static <T> T find(String name, Map<String, T> byName) {
        T found = byName.get(name == null ? null : name.strip());
        if (found != null) {
            return found;
        }
        String quoted = "\"" + (name == null ? "" : name.strip()) + "\"";
        if (byName.containsKey(quoted)) {
            throw new PartitaException("Unknown segment '" + name + "'. There is a text segment " + quoted
                    + ": segment names of text that looks like a number, boolean or keyword are quoted, so that "
                    + "1 (a number) and \"1\" (text) stay apart. Write " + quoted + ".");
        }
        throw PartitaException.unknownName("segment", name, byName.keySet());
    }

    /** The item named {@code name} among items named by {@code nameOf} (see {@link #find(String, Map)}). */
    public static <T> T find(String name, List<T> items, Function<T, String> nameOf) {
        Map<String, T> byName = new LinkedHashMap<>();
        items.forEach(t -> byName.put(nameOf.apply(t), t));
        return find(name, byName);
    }
}
