package partita.magics;

/** Where a magic's outputs go while it runs: the notebook cell, through the kernel. */
public interface Display {

    /** Shows an output now; with a display id it can be replaced later by {@link #update}. */
    void show(Output output, String displayId);

    /** Replaces the output shown under {@code displayId} (Jupyter update_display_data). */
    void update(Output output, String displayId);
}
