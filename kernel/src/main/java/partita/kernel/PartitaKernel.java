package partita.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import partita.magics.Notebook;
import partita.magics.PartitaMagics;
import partita.magics.RapaioInternals;

/**
 * The Partita Jupyter kernel: {@code java -jar partita-kernel.jar <connection_file>}.
 * Runs rapaio's stock kernel instance ({@code MainApp.kernel}, to which {@code display()} in
 * Java cells is bound) with the Partita magics registered, Partita and tablesaw imported, quiet
 * logging, our own channel loops ({@link KernelLoops}) in place of rapaio's racy ones, and an
 * {@link ExitGuard} so that no cell can end the process.
 */
public final class PartitaKernel {

    private PartitaKernel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: java -jar partita-kernel.jar <connection_file>  (Jupyter passes the file)");
            System.exit(2);
        }
        quietLogging();
        ExitGuard.install();
        ConnectionProperties props = Transform.fromJson(Files.readString(Path.of(args[0])), ConnectionProperties.class);
        RapaioKernel kernel = MainApp.kernel;
        RapaioInternals.check();
        PartitaMagics.register();
        importDefaults(kernel);
        KernelLoops.start(props, kernel).awaitShutdown();
        ExitGuard.exit(0);
    }

    /**
     * Warnings and errors only, on stderr (Jupyter's console). rapaio logs every message at
     * INFO, the connection key included; its shaded slf4j-simple (Maven resolver, %dependency)
     * logs at INFO too.
     */
    static void quietLogging() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "[%4$s] %3$s: %5$s%6$s%n");
        System.setProperty("org.rapaio.shaded.org.slf4j.simpleLogger.defaultLogLevel", "warn");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.WARNING);
        console.setFormatter(new SimpleFormatter());
        root.addHandler(console);
    }

    /**
     * {@code import tech.tablesaw.api.*; import partita.model.*; ...}: JShell compiles against
     * the jar's classes; a package without classes in this build is skipped.
     */
    static void importDefaults(RapaioKernel kernel) {
        for (String pkg : Notebook.DEFAULT_IMPORTS) {
            try {
                kernel.javaEngine().eval(kernel.executionContext(), "import " + pkg + ".*;");
            } catch (Exception e) {
                Logger.getLogger("partita.kernel").fine(() -> "no package " + pkg + " to import");
            }
        }
    }
}
