/**
 * The Jupyter magics ({@code %partition}, {@code %train}, {@code %compare}...): thin adapters
 * that parse a magic's words, call the engine and render the result. Each magic is one class;
 * words are tokenised in one place; results are bound to notebook variables for the next
 * cell. Knows the engine, not the kernel's internals beyond rapaio's magic API.
 */
package partita.magics;
