package partita.magics;

import java.util.function.BooleanSupplier;

/**
 * Set when the user interrupts the running cell. Long work polls it between steps (pass it
 * to the engine as a {@link BooleanSupplier}) and stops cleanly; {@link #check} turns a
 * request into a {@link CancelledException} shown as an "Interrupted" error.
 */
public final class CancelToken implements BooleanSupplier {

    private volatile boolean cancelled;

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    /** Throws {@link CancelledException} with {@code what} (e.g. "%train stopped after 3 of 12 segments"). */
    public void check(String what) {
        if (cancelled) {
            throw new CancelledException(what);
        }
    }
}
