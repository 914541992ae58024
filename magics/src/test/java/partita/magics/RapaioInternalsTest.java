package partita.magics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The private rapaio fields Partita reads are all there, as the kernel checks at start. */
class RapaioInternalsTest {

    @Test
    void everyFieldIsThereWithItsType() {
        assertDoesNotThrow(RapaioInternals::check);
        List<?> handlers = RapaioInternals.MAGIC_HANDLERS.read(null);
        assertTrue(handlers.size() > 0, "rapaio's own magic handlers are in the list");
    }

    @Test
    void aFieldThatIsNotThereFailsNamingIt() {
        var missing = new RapaioInternals.Internal<>(String.class, "noSuchField", Object.class);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> missing.read("x"));
        assertTrue(e.getMessage().contains("java.lang.String.noSuchField"), e.getMessage());
        assertTrue(e.getMessage().contains("rapaio-jupyter-kernel 3.0.1"), e.getMessage());
    }
}
