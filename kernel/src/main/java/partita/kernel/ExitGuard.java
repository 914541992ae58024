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

    // Everything else is allowed, without building the Permission objects the default checks
    // would (a FilePermission canonicalises its path on every file access: javac in JShell reads
    // many files, and cells ran 60% slower with only checkPermission overridden).

    @Override
    public void checkPermission(Permission perm) {
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
    }

    @Override
    public void checkRead(String file) {
    }

    @Override
    public void checkRead(String file, Object context) {
    }

    @Override
    public void checkRead(java.io.FileDescriptor fd) {
    }

    @Override
    public void checkWrite(String file) {
    }

    @Override
    public void checkWrite(java.io.FileDescriptor fd) {
    }

    @Override
    public void checkDelete(String file) {
    }

    @Override
    public void checkExec(String cmd) {
    }

    @Override
    public void checkLink(String lib) {
    }

    @Override
    public void checkPropertiesAccess() {
    }

    @Override
    public void checkPropertyAccess(String key) {
    }

    @Override
    public void checkPackageAccess(String pkg) {
    }

    @Override
    public void checkPackageDefinition(String pkg) {
    }

    @Override
    public void checkConnect(String host, int port) {
    }

    @Override
    public void checkConnect(String host, int port, Object context) {
    }

    @Override
    public void checkListen(int port) {
    }

    @Override
    public void checkAccept(String host, int port) {
    }

    @Override
    public void checkAccess(Thread t) {
    }

    @Override
    public void checkAccess(ThreadGroup g) {
    }

    @Override
    public void checkCreateClassLoader() {
    }

    @Override
    public void checkSetFactory() {
    }

    @Override
    public void checkSecurityAccess(String target) {
    }
}
