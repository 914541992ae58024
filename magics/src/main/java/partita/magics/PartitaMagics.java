package partita.magics;

import java.util.List;

import org.rapaio.jupyter.kernel.core.magic.MagicHandler;

/** The Partita magics, and their registration with rapaio's MagicEngine. */
public final class PartitaMagics {

    private PartitaMagics() {
    }

    /** Every Partita magic, in the order {@code %help} and {@code %partita} list them. */
    public static List<PartitaMagic> all() {
        return List.of(new InfoMagic(), new ColumnsMagic(), new PartitionMagic(), new TrainMagic(), new CompareMagic(),
                new ImportanceMagic(), new ExplainMagic(), new RefitMagic(), new MonitorMagic(), new SaveMagic(), new LoadMagic(),
                new SqlMagic());
    }

    /**
     * Adds the Partita magics at the head of MagicEngine's handler list: before its help handler
     * so that {@code %help} lists them, and before its {@code %load} so that {@code %load path=}
     * reaches ours. The list is a private static field without a registration API
     * ({@link RapaioInternals#MAGIC_HANDLERS}). Idempotent.
     */
    public static synchronized void register() {
        List<MagicHandler> handlers = engineHandlers();
        if (handlers.stream().anyMatch(RapaioMagicHandler.class::isInstance)) {
            return;
        }
        handlers.addAll(0, all().stream().map(RapaioMagicHandler::new).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<MagicHandler> engineHandlers() {
        return (List<MagicHandler>) RapaioInternals.MAGIC_HANDLERS.read(null);
    }
}
