package partita.magics;

import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.display.DisplayData;

/** Sends display_data / update_display_data through the running rapaio kernel. */
record KernelDisplay(RapaioKernel kernel) implements Display {

    @Override
    public void show(Output output, String displayId) {
        kernel.display(withId(output, displayId));
    }

    @Override
    public void update(Output output, String displayId) {
        kernel.updateDisplay(withId(output, displayId));
    }

    private static DisplayData withId(Output output, String displayId) {
        DisplayData dd = output.toDisplayData();
        dd.setDisplayId(displayId);
        return dd;
    }
}
