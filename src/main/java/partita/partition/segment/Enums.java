package partita.partition.segment;

import java.util.Arrays;
import java.util.Locale;
import partita.PartitaException;

/** Reading enum constants from user text. */
public final class Enums {

    private Enums() {
    }

    /** The constant whose name matches {@code text} ignoring case, or an error listing the valid names. */
    public static <E extends Enum<E>> E parse(E[] values, String text, String kind) {
        String t = text == null ? "" : text.strip();
        for (E e : values) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw PartitaException.unknownName(kind, t,
                Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }
}
