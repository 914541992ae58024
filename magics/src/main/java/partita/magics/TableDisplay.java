package partita.magics;

import java.util.List;

import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import tech.tablesaw.api.Table;

/**
 * Shows a tablesaw Table returned by a Java cell (or passed to {@code display()}) the way the
 * magics show theirs: an HTML table plus aligned text, instead of its one-line toString.
 * Registered with rapaio's display system through META-INF/services.
 */
public final class TableDisplay implements DisplayProvider {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new DisplayRenderer() {
            @Override
            public Class<?> rendererClass() {
                return Table.class;
            }

            @Override
            public boolean canRender(String mime) {
                return true;
            }

            @Override
            public DisplayData render(String mime, Object table) {
                Rendered shown = TableView.of((Table) table).render();
                return KernelDisplay.displayData(shown);
            }
        });
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }
}
