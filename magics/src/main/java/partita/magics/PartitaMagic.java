package partita.magics;

import partita.PartitaException;
import partita.magics.render.Rendered;

/**
 * Base of every Partita magic. A magic declares its {@link MagicSpec} once and implements
 * {@link #run}; the framework parses and validates the words, renders help for
 * {@code %name ?}, shift-tab and {@code %help}, completes keys and values on Tab, turns any
 * exception into a clean Jupyter error and registers the magic with the rapaio kernel.
 */
public abstract class PartitaMagic {

    private final MagicSpec spec;

    protected PartitaMagic(MagicSpec spec) {
        this.spec = spec;
    }

    public final MagicSpec spec() {
        return spec;
    }

    /**
     * Does the work. Return an {@link Rendered} (text + HTML) to show as the cell's result, or
     * null. Throw {@link PartitaException} for bad input;
     * anything else thrown is reported as an unexpected error.
     */
    protected abstract Rendered run(MagicCall call) throws Exception;
}
