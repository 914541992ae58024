package partita.magics;

import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.display.DisplayData;

/** One real rapaio kernel (in-process JShell) with the Partita magics, shared by the tests. */
final class Session {

    static final RapaioKernel KERNEL = start();

    private Session() {
    }

    private static RapaioKernel start() {
        RapaioKernel kernel = new RapaioKernel();
        PartitaMagics.register();
        return kernel;
    }

    static Notebook notebook() {
        return new Notebook(KERNEL);
    }

    /** Runs a Java snippet in the session and returns its value. */
    static Object java(String code) throws Exception {
        return KERNEL.javaEngine().eval(KERNEL.executionContext(), code);
    }

    /** Runs a cell through rapaio's magic engine, as the kernel does. */
    static DisplayData magic(String code) throws Exception {
        var result = KERNEL.magicEngine().eval(KERNEL.executionContext(), code);
        if (!result.handled()) {
            throw new AssertionError("not a magic: " + code);
        }
        return (DisplayData) result.result();
    }
}
