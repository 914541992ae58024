package partita.magics;

import java.util.List;
import java.util.function.Function;

import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import partita.Tabular;
import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import tech.tablesaw.api.Table;

/**
 * Shows a tablesaw Table, or a typed result with a table view ({@link Tabular}: a comparison, an
 * importance matrix, a monitoring report...), returned by a Java cell (or passed to
 * {@code display()}) the way the magics show theirs: an HTML table plus aligned text, instead of
 * a one-line toString.
 * Registered with rapaio's display system through META-INF/services.
 */
public final class TableDisplay implements DisplayProvider {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(renderer(Table.class, Table.class::cast), renderer(Tabular.class, v -> ((Tabular) v).table()));
    }

    /** Renders values of a type (and its subtypes: rapaio matches by assignability) as a table. */
    private static DisplayRenderer renderer(Class<?> type, Function<Object, Table> asTable) {
        return new DisplayRenderer() {
            @Override
            public Class<?> rendererClass() {
                return type;
            }

            @Override
            public boolean canRender(String mime) {
                return true;
            }

            @Override
            public DisplayData render(String mime, Object value) {
                Rendered shown = TableView.of(asTable.apply(value)).render();
                return KernelDisplay.displayData(shown);
            }
        };
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }
}
