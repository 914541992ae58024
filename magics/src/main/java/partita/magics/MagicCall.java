package partita.magics;

import java.util.List;

import tech.tablesaw.api.Table;

/**
 * One run of a magic: its validated words, the cell body, and everything a magic uses to reach
 * the notebook (tables, variables, binding results, live outputs, progress, cancellation).
 */
public final class MagicCall {

    private final Args args;
    private final List<String> body;
    private final Notebook notebook;
    private final Display display;
    private final CancelToken cancel;

    MagicCall(Args args, List<String> body, Notebook notebook, Display display, CancelToken cancel) {
        this.args = args;
        this.body = List.copyOf(body);
        this.notebook = notebook;
        this.display = display;
        this.cancel = cancel;
    }

    public MagicSpec spec() {
        return args.spec();
    }

    public Args args() {
        return args;
    }

    /** Lines after the {@code %%name} line (interpolated, blank lines and // comments dropped); empty for {@code %name}. */
    public List<String> body() {
        return body;
    }

    public boolean isCell() {
        return !body.isEmpty();
    }

    public Notebook notebook() {
        return notebook;
    }

    /** The Table given by {@code key=}: a variable holding a Table, or a CSV path. */
    public Table table(String key) {
        return notebook.table(key, args.text(key));
    }

    /** The object of type {@code type} held by the variable given by {@code key=}. */
    public <T> T variable(String key, Class<T> type) {
        return notebook.value(key, args.text(key), type);
    }

    /** Binds {@code value} under {@code as=} (or the magic's default name); returns the name. */
    public String bind(Object value, Class<?> type) {
        String name = args.bindingName();
        notebook.bind(name, value, type);
        return name;
    }

    /** As {@link #bind(Object, Class)} with a source type such as {@code java.util.List<String>}. */
    public String bind(Object value, String javaType) {
        String name = args.bindingName();
        notebook.bind(name, value, javaType);
        return name;
    }

    /** A progress bar of {@code total} steps, updated in place. */
    public Progress progress(String title, int total) {
        return new Progress(display, title, total);
    }

    /** Set when the user interrupts the cell: poll it (or hand it to the engine) between steps. */
    public CancelToken cancel() {
        return cancel;
    }
}
