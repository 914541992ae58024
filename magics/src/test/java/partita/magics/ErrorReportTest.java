package partita.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import partita.PartitaException;

class ErrorReportTest {

    @Test
    void userErrorsAreOneLine() {
        ErrorReport report = ErrorReport.of(new PartitaException("Unknown column 'x'."), Session.KERNEL);
        assertEquals(new ErrorReport("PartitaException", "Unknown column 'x'.",
                List.of("\u001b[1;31mPartitaException:\u001b[0m Unknown column 'x'.")), report);
        assertEquals("Interrupted", ErrorReport.of(new CancelledException("stopped"), Session.KERNEL).ename());
    }

    @Test
    void unexpectedFailuresInMagicsAreOneLineWithoutStackTrace() {
        ErrorReport report = ErrorReport.of(new MagicFailure("train", new StackOverflowError("deep")), Session.KERNEL);
        assertEquals("StackOverflowError", report.ename());
        assertEquals("deep", report.evalue());
        assertEquals(List.of("\u001b[1;31mStackOverflowError:\u001b[0m deep",
                "(unexpected error in %train; the kernel's log has the stack trace)"), report.traceback());
    }

    @Test
    void javaCellErrorsNameTheUsersException() {
        Exception e = assertThrows(Exception.class, () -> Session.java("Integer.parseInt(\"x1\")"));
        ErrorReport report = ErrorReport.of(e, Session.KERNEL);
        assertEquals("NumberFormatException", report.ename());
        assertEquals("For input string: \"x1\"", report.evalue());
        assertTrue(report.traceback().get(0).contains("java.lang.NumberFormatException"), report.traceback().toString());
    }

    @Test
    void magicErrorsThrownInCellsKeepTheirMessage() {
        Exception e = assertThrows(Exception.class, () -> Session.magic("%columns data=nosuchvar"));
        ErrorReport report = ErrorReport.of(e, Session.KERNEL);
        assertEquals("PartitaException", report.ename());
        assertTrue(report.evalue().startsWith("Unknown notebook variable 'nosuchvar'."), report.evalue());
        assertEquals(1, report.traceback().size());
    }
}
