package partita.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cell's stdout or stderr on its way to the notebook: bytes are gathered and sent as one
 * stream message at most every {@link #PERIOD_MS} ms (and at the end of the cell), never one
 * message per line, so a loop of println cannot flood the channel and lose messages (the idle
 * status among them). Past {@link #LIMIT} bytes per cell the rest is counted, not sent, and the
 * end of the cell says how much was cut.
 */
final class BatchedOutput extends OutputStream {

    static final long PERIOD_MS = 100;
    static final int LIMIT = 4 << 20;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "partita-output");
        t.setDaemon(true);
        return t;
    });

    private final OutputStream target;
    private final byte[] buffer = new byte[64 << 10];
    private int size;
    private long sent;
    private long cutBytes;
    private long cutLines;
    private final ScheduledFuture<?> ticks;

    BatchedOutput(OutputStream target) {
        this.target = target;
        this.ticks = TIMER.scheduleWithFixedDelay(this::tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int keep = (int) Math.max(0, Math.min(len, LIMIT - sent - size));
        for (int i = off + keep; i < off + len; i++) {
            cutLines += b[i] == '\n' ? 1 : 0;
        }
        cutBytes += len - keep;
        int at = off;
        while (keep > 0) {
            if (size == buffer.length) {
                send();
            }
            int n = Math.min(keep, buffer.length - size);
            System.arraycopy(b, at, buffer, size, n);
            size += n;
            at += n;
            keep -= n;
        }
    }

    /** Nothing here: the timer and the end of the cell send (a PrintStream flushes on every line). */
    @Override
    public void flush() {
    }

    /** Sends what is left and, when output was cut, how much; stops the timer. */
    @Override
    public synchronized void close() throws IOException {
        ticks.cancel(false);
        send();
        if (cutBytes > 0) {
            byte[] note = String.format("%n[output cut: %,d more bytes (%,d lines) were not shown; write less, or to a"
                    + " file]%n", cutBytes, cutLines).getBytes(StandardCharsets.UTF_8);
            target.write(note);
        }
        target.flush();
    }

    private synchronized void tick() {
        try {
            send();
        } catch (IOException e) {
            // the cell's end sends again and reports what fails there
        }
    }

    private void send() throws IOException {
        if (size > 0) {
            target.write(buffer, 0, size);
            target.flush();
            sent += size;
            size = 0;
        }
    }
}
