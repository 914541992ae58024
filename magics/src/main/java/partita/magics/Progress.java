package partita.magics;

import java.util.UUID;

import partita.magics.render.Rendered;

/**
 * A progress bar updated in place (one display_data, then update_display_data with the same
 * display id), not one line per step. Thread-safe: parallel workers may call {@link #advance}.
 * Intermediate updates are throttled; the final state ({@link #finish}/{@link #stop}) is
 * always shown.
 */
public final class Progress {

    private static final long MIN_UPDATE_NANOS = 100_000_000L;

    private final Display display;
    private final String displayId = "partita-progress-" + UUID.randomUUID();
    private final String title;
    private final int total;
    private int done;
    private String status = "";
    private long lastShown;
    private boolean closed;

    Progress(Display display, String title, int total) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0");
        }
        this.display = display;
        this.title = title;
        this.total = total;
        display.show(render(), displayId);
        lastShown = System.nanoTime();
    }

    /** Counts one finished step; {@code what} names it. */
    public synchronized void advance(String what) {
        done = Math.min(total, done + 1);
        status = what;
        refresh(done == total);
    }

    /** Shows the final state: all steps counted, with a summary. */
    public synchronized void finish(String summary) {
        done = total;
        status = summary;
        refresh(true);
        closed = true;
    }

    /** Shows where the work stopped (interrupt, error) and why. */
    public synchronized void stop(String why) {
        status = why;
        refresh(true);
        closed = true;
    }

    public synchronized int done() {
        return done;
    }

    /** The current rendition (text bar and HTML progress element), drawn by the render package. */
    public synchronized Rendered render() {
        Rendered bar = partita.magics.render.Progress.render(done, total, status.isEmpty() ? title : title + " · " + status);
        return bar;
    }

    private void refresh(boolean force) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        if (force || now - lastShown >= MIN_UPDATE_NANOS) {
            display.update(render(), displayId);
            lastShown = now;
        }
    }
}
