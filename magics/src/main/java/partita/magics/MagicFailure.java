package partita.magics;

/** An unexpected error inside a magic (a bug, an Error): reported in one line, stack trace in the kernel log. */
public final class MagicFailure extends RuntimeException {

    private final String magic;

    MagicFailure(String magic, Throwable cause) {
        super(cause.getMessage(), cause);
        this.magic = magic;
    }

    /** The magic's name without percent signs. */
    public String magic() {
        return magic;
    }
}
