/**
 * Partita's engine: partitioned transparent models, with no notebook code. Layers, each
 * depending only on those before it:
 * <ol>
 * <li>{@link partita.eval}: metrics and reports.</li>
 * <li>{@link partita.model}: the transparent additive learners ({@code XClassifier},
 * {@code XRegressor}), their fitted models and {@code Kind}.</li>
 * <li>{@link partita.partition.segment}: what the segments are (spec, levels, mappings, keys).</li>
 * <li>{@link partita.partition}: the partitioned meta-estimator, its fitted model, routing,
 * comparison, cross-validation, importance and monitoring.</li>
 * <li>{@link partita.io}: model files, single and partitioned; {@link partita.data}: table helpers.</li>
 * </ol>
 * {@link partita.PartitaException} is the one exception a user sees: its message names the
 * problem and the fix. {@link partita.Tabular} is a typed result with a table view. The model is
 * documented formula by formula in docs/algorithm.md.
 */
package partita;
