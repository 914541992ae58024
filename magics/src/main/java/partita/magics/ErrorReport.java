package partita.magics;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.format.ErrorFormatters;
import org.rapaio.jupyter.kernel.core.java.CompilerException;
import org.rapaio.jupyter.kernel.core.java.EvaluationInterruptedException;
import org.rapaio.jupyter.kernel.core.java.EvaluationTimeoutException;
import partita.PartitaException;

/**
 * How a failed cell is shown: a Jupyter error with {@code ename}, {@code evalue} and the
 * traceback lines. User errors (bad words, PartitaException, interrupts) are one line with
 * no stack trace; errors in the user's own Java code keep rapaio's rendition (source line and
 * the user's stack); unexpected failures are one line with the stack trace sent to the log.
 */
public record ErrorReport(String ename, String evalue, List<String> traceback) {

    private static final Logger LOG = Logger.getLogger("partita");
    private static final String RED = "\u001b[1;31m";
    private static final String RESET = "\u001b[0m";

    public static ErrorReport of(Throwable t, RapaioKernel kernel) {
        if (t instanceof CancelledException || t instanceof EvaluationInterruptedException) {
            String msg = t instanceof CancelledException ? t.getMessage() : "The cell was interrupted.";
            return oneLine("Interrupted", msg);
        }
        if (isUserError(t)) {
            return oneLine(t.getClass().getSimpleName(), t.getMessage());
        }
        if (t instanceof EvalException e && isPartita(e.getExceptionClassName())) {
            return oneLine(simpleName(e.getExceptionClassName()), e.getMessage());
        }
        if (t instanceof EvalException e) {
            return new ErrorReport(simpleName(e.getExceptionClassName()), message(e), ErrorFormatters.exceptionFormat(kernel, e));
        }
        if (t instanceof CompilerException || t instanceof EvaluationTimeoutException || t instanceof JShellException) {
            return new ErrorReport(t.getClass().getSimpleName(), message(t), ErrorFormatters.exceptionFormat(kernel, t));
        }
        Throwable cause = t instanceof MagicFailure && t.getCause() != null ? t.getCause() : t;
        String where = t instanceof MagicFailure f ? " in %" + f.magic() : "";
        LOG.log(Level.SEVERE, "Unexpected error" + where, cause);
        ErrorReport line = oneLine(cause.getClass().getSimpleName(), message(cause));
        return new ErrorReport(line.ename(), line.evalue(), List.of(line.traceback().get(0),
                "(unexpected error" + where + "; the kernel's log has the stack trace)"));
    }

    /** Errors whose message is the whole story: shown without a stack trace. */
    public static boolean isUserError(Throwable t) {
        return t instanceof PartitaException || t instanceof CancelledException
                || t instanceof org.rapaio.jupyter.kernel.core.magic.MagicParseException
                || t instanceof org.rapaio.jupyter.kernel.core.magic.MagicEvalException
                || t instanceof org.rapaio.jupyter.kernel.core.magic.interpolate.InterpolationException;
    }

    /** Whether a Java cell's exception (known to JShell by class name only) is a PartitaException. */
    private static boolean isPartita(String className) {
        try {
            return PartitaException.class.isAssignableFrom(Class.forName(className, false, ErrorReport.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static ErrorReport oneLine(String ename, String evalue) {
        String value = evalue == null ? "" : evalue;
        return new ErrorReport(ename, value, List.of(RED + ename + ":" + RESET + " " + value));
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
