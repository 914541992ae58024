/**
 * Metrics: {@link partita.eval.Metric} (name, direction, computation) on
 * {@link partita.eval.Predictions} (calibrated probabilities or clipped values), the one metric
 * type every comparison, cross-validation, guard, monitor and evaluation uses; the plain-array
 * formulas in {@link partita.eval.Metrics}; the classification and regression reports. Depends on
 * nothing else of Partita but {@link partita.PartitaException}.
 */
package partita.eval;
