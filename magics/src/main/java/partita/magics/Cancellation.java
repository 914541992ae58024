package partita.magics;

/**
 * The cancellation state of the cell being executed. The kernel starts a fresh token for every
 * execute request ({@link #begin}) and cancels it on an interrupt request; magics get it from
 * {@link MagicCall#cancel()}, Java cells from {@link #current()}.
 */
public final class Cancellation {

    private static volatile CancelToken current = new CancelToken();

    private Cancellation() {
    }

    /** A new token for the cell that starts now. */
    public static CancelToken begin() {
        CancelToken token = new CancelToken();
        current = token;
        return token;
    }

    public static CancelToken current() {
        return current;
    }

    /** Requests the running cell to stop. */
    public static void cancel() {
        current.cancel();
    }
}
