/**
 * Partita's engine: partitioned transparent models, with no notebook code.
 * <ul>
 * <li>{@link partita.model}: the transparent additive learners ({@code XClassifier},
 * {@code XRegressor}) and their fitted models; depends on nothing else of Partita.</li>
 * <li>{@link partita.partition}: segments (spec, levels, mappings), partitioned training,
 * routing, comparison and monitoring; on top of {@code model} and {@code eval}.</li>
 * <li>{@link partita.eval}: metrics and reports.</li>
 * <li>{@link partita.io}: model files; {@link partita.data}: table helpers.</li>
 * </ul>
 * {@link partita.PartitaException} is the one exception a user sees: its message names the
 * problem and the fix. The model is documented formula by formula in docs/algorithm.md.
 */
package partita;
