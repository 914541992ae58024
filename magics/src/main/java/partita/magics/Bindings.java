package partita.magics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands objects from a magic to the notebook. The kernel runs JShell in its own JVM, so a
 * magic puts the object here and declares {@code var NAME = (Type) partita.magics.Bindings.get("NAME");}
 * in the session: the cell gets the very same object, statically typed, no copy, no cast.
 */
public final class Bindings {

    private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();
    private static final Object NULL = new Object();

    private Bindings() {
    }

    static void put(String name, Object value) {
        VALUES.put(name, value == null ? NULL : value);
    }

    /** The object last bound under {@code name} (called by the declaration the magic evaluates). */
    public static Object get(String name) {
        Object value = VALUES.get(name);
        if (value == null) {
            throw new IllegalStateException("Nothing is bound under " + name);
        }
        return value == NULL ? null : value;
    }
}
