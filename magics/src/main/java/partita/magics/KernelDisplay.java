package partita.magics;

import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.display.DisplayData;
import partita.magics.render.Rendered;

/** Sends display_data / update_display_data through the running rapaio kernel. */
record KernelDisplay(RapaioKernel kernel) implements Display {

    @Override
    public void show(Rendered output, String displayId) {
        kernel.display(withId(output, displayId));
    }

    @Override
    public void update(Rendered output, String displayId) {
        kernel.updateDisplay(withId(output, displayId));
    }

    /** An output as rapaio's display data: text/plain and text/html. */
    static DisplayData displayData(Rendered output) {
        DisplayData dd = DisplayData.fromText(output.text());
        dd.putHTML(output.html());
        return dd;
    }

    private static DisplayData withId(Rendered output, String displayId) {
        DisplayData dd = displayData(output);
        dd.setDisplayId(displayId);
        return dd;
    }
}
