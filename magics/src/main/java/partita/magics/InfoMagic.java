package partita.magics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code %partita}: the Partita version and its magics; {@code check=} runs a self-check of the
 * notebook plumbing (a live progress bar that an interrupt stops, or an unexpected Error that
 * must be reported while the kernel lives on).
 */
final class InfoMagic extends PartitaMagic {

    InfoMagic() {
        super(MagicSpec.builder("partita", "Shows the Partita version and lists its magics (type %NAME ? for one's help).")
                .key(Key.choice("check", "self-check: progress shows a live bar (interrupt stops it), "
                        + "error throws an unexpected Error", "progress", "error"))
                .key(Key.integer("steps", "steps of check=progress").defaultValue("20"))
                .key(Key.integer("step_ms", "milliseconds per step of check=progress").defaultValue("100"))
                .example("%partita")
                .example("%partita check=progress steps=50")
                .build());
    }

    static String version() {
        try (InputStream in = InfoMagic.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Rendered run(MagicCall call) throws InterruptedException {
        String check = call.args().text("check", "");
        if (check.equals("error")) {
            throw new AssertionError("self-check: an unexpected Error inside a magic");
        }
        if (check.equals("progress")) {
            return progressCheck(call);
        }
        List<MagicSpec> specs = PartitaMagics.all().stream().map(PartitaMagic::spec).toList();
        Table magics = Table.create("magics",
                StringColumn.create("magic", specs.stream().map(s -> "%" + s.name() + (s.hasCellForm() ? " / %%" + s.name() : ""))),
                StringColumn.create("what it does", specs.stream().map(MagicSpec::summary)));
        return Rendered.concat(TableView.of(magics).maxRows(Integer.MAX_VALUE).caption("Partita " + version()).render(),
                Views.paragraph("Type %NAME ? for a magic's keys, or press shift-tab on it."));
    }

    private static Rendered progressCheck(MagicCall call) throws InterruptedException {
        int steps = call.args().integer("steps");
        int stepMillis = call.args().integer("step_ms");
        Progress progress = call.progress("Self-check", steps);
        for (int i = 1; i <= steps; i++) {
            if (call.cancel().isCancelled()) {
                progress.stop("interrupted");
                call.cancel().check("%partita check=progress stopped after " + progress.done() + " of " + steps + " steps.");
            }
            Thread.sleep(stepMillis);
            progress.advance("step " + i);
        }
        progress.finish("done");
        return Views.paragraph("Self-check passed: " + steps + " steps shown in place.");
    }
}
