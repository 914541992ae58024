package partita.magics;

import java.util.Collection;
import java.util.List;

/**
 * A user error in a magic's words: shown as a one-paragraph Jupyter error, never a stack trace.
 * Stands in for {@code partita.PartitaException} until the engine's exception lands on main;
 * then this class goes and {@link #unknownName} delegates to {@code PartitaException.unknownName}.
 */
public class MagicException extends RuntimeException {

    public MagicException(String message) {
        super(message);
    }

    /** "Unknown column 'incme'. Did you mean: income? Valid columns: age, income." */
    public static MagicException unknownName(String kind, String given, Collection<String> valid) {
        StringBuilder msg = new StringBuilder("Unknown ").append(kind).append(" '").append(given).append("'.");
        List<String> close = Names.closeMatches(given, valid);
        if (!close.isEmpty()) {
            msg.append(" Did you mean: ").append(String.join(", ", close)).append('?');
        }
        if (valid.isEmpty()) {
            msg.append(" There are no ").append(kind).append("s to choose from.");
        } else {
            msg.append(" Valid ").append(kind).append("s: ").append(String.join(", ", valid)).append('.');
        }
        return new MagicException(msg.toString());
    }
}
