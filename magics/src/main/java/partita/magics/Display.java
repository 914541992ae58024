package partita.magics;

/** Where a magic's outputs go while it runs: the notebook cell, through the kernel. */
public interface Display {

    /** Shows an output under a display id, so that {@link #update} can replace it later. */
    void show(Output output, String displayId);

    /** Replaces the output shown under {@code displayId} (Jupyter update_display_data). */
    void update(Output output, String displayId);
}
