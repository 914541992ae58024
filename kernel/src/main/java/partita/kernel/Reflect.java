package partita.kernel;

import java.lang.reflect.Field;

/**
 * Reads private fields of rapaio-jupyter-kernel 3.0.1 that have no accessor but that the
 * workarounds for its verified traps need. A changed rapaio fails here, loudly, at start.
 */
final class Reflect {

    private Reflect() {
    }

    static <T> T field(Object owner, Class<?> declaring, String name, Class<T> type) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            return type.cast(field.get(owner));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("rapaio-jupyter-kernel changed: " + declaring.getName() + "." + name
                    + " not found; Partita needs rapaio-jupyter-kernel 3.0.1", e);
        }
    }
}
