package partita.magics;

/** The user interrupted the cell; shown as an "Interrupted" error without a stack trace. */
public class CancelledException extends RuntimeException {

    public CancelledException(String message) {
        super(message);
    }
}
