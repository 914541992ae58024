package partita.magics;

import partita.magics.render.Rendered;
/** Where a magic's outputs go while it runs: the notebook cell, through the kernel. */
public interface Display {

    /** Shows an output under a display id, so that {@link #update} can replace it later. */
    void show(Rendered output, String displayId);

    /** Replaces the output shown under {@code displayId} (Jupyter update_display_data). */
    void update(Rendered output, String displayId);
}
