package partita.kernel;

import java.security.Permission;

import partita.PartitaException;

/**
 * Keeps a notebook cell from ending the kernel: {@code System.exit} and {@code Runtime.halt}
 * from a cell (JShell runs cells in the kernel's own JVM) throw a PartitaException, which the
 * cell reports as a one-line error, and the session with its variables goes on. Only the kernel's own
 * shutdown ({@link #exit}) ends the process. Every other permission is granted: this guards
 * against an accident, it is not a sandbox.
 */
final class ExitGuard extends SecurityManager {

    private static volatile boolean exiting;

    private ExitGuard() {
    }

    @SuppressWarnings("removal")
    static void install() {
        System.setSecurityManager(new ExitGuard());
    }

    /** The kernel's own way out. */
    static void exit(int status) {
        exiting = true;
        System.exit(status);
    }

    @Override
    public void checkExit(int status) {
        if (!exiting) {
            throw new PartitaException("System.exit(" + status + ") is not allowed in a notebook cell: it would end the"
                    + " kernel and lose every variable. The session goes on; to start afresh use Kernel > Restart.");
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything else is allowed
    }
}
