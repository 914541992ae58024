/**
 * The Partita Jupyter kernel: rapaio-jupyter-kernel with the magics registered, its own
 * channel loops, batched output, an exit guard, and the resources kernel/install.sh places
 * (plotly.js for the Jupyter server to serve, the nbconvert template). The kernel's rapaio
 * internals reached by reflection are gathered in {@link partita.kernel.Reflect}; the magics
 * module reaches one more (the magic handler list) in PartitaMagics.
 */
package partita.kernel;
