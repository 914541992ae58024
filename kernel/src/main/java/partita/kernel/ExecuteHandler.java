package partita.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.java.io.JShellConsole;
import org.rapaio.jupyter.kernel.core.magic.MagicEvalResult;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplaySystem;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubError;
import org.rapaio.jupyter.kernel.message.messages.IOPubExecuteInput;
import org.rapaio.jupyter.kernel.message.messages.IOPubExecuteResult;
import org.rapaio.jupyter.kernel.message.messages.ShellExecuteReply;
import org.rapaio.jupyter.kernel.message.messages.ShellExecuteRequest;
import partita.magics.Cancellation;
import partita.magics.ErrorReport;
import partita.magics.RapaioInternals;

/**
 * Runs one execute_request; replaces RapaioKernel.handleExecuteRequest, which catches only
 * Exception (an Error in a magic killed the shell thread) and leaves System.out unbound while
 * a magic runs (magic output went to the kernel log). Here magics and Java cells both write to
 * the notebook (in batches, see {@link BatchedOutput}), every Throwable becomes a Jupyter error,
 * and every request gets its reply.
 */
final class ExecuteHandler {

    private final RapaioKernel kernel;
    private final Channels channels;
    private final JShellConsole console;
    private final AtomicInteger executionCount = new AtomicInteger(1);

    ExecuteHandler(RapaioKernel kernel, Channels channels) {
        this.kernel = kernel;
        this.channels = channels;
        this.console = RapaioInternals.SHELL_CONSOLE.read(kernel);
    }

    void handle(Message<ShellExecuteRequest> message) {
        ShellExecuteRequest request = message.content();
        int count = executionCount.getAndIncrement();
        channels.scheduleAfter(channels::freeMsgId);
        channels.busyThenIdle();
        channels.publish(new IOPubExecuteInput(request.code(), count));
        Cancellation.begin();

        DisplayData result = null;
        Throwable failure = null;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        console.bindChannels(channels, request.stdinEnabled());
        System.setIn(console.getIn());
        BatchedOutput out = new BatchedOutput(console.getOut());
        BatchedOutput err = new BatchedOutput(console.getErr());
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            MagicEvalResult magic = kernel.magicEngine().eval(kernel.executionContext(), request.code());
            result = magic.handled() ? render(magic.result()) : kernel.eval(request.code());
        } catch (Throwable t) {
            failure = t;
        } finally {
            System.out.flush();
            System.err.flush();
            closeQuietly(out);
            closeQuietly(err);
            console.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
            console.unbindChannels();
        }

        if (failure == null) {
            if (result != null) {
                channels.publish(new IOPubExecuteResult(count, result));
            }
            channels.reply(ShellExecuteReply.withOk(count, Map.of()));
        } else {
            ErrorReport report = ErrorReport.of(failure, kernel);
            channels.publish(new IOPubError(report.ename(), report.evalue(), report.traceback()));
            channels.replyError(MessageType.SHELL_EXECUTE_REPLY.newError(),
                    new ErrorReply(report.ename(), report.evalue(), report.traceback(), count));
        }
    }

    private static void closeQuietly(BatchedOutput o) {
        try {
            o.close();
        } catch (java.io.IOException e) {
            // the channel is gone: nothing more can reach the notebook
        }
    }

    private static DisplayData render(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof DisplayData dd ? dd : DisplaySystem.inst().render(value);
    }
}
