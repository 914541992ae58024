/**
 * The transparent additive models: one small tree per feature, whose leaves become a step
 * function; a prediction is a base value plus one contribution per feature (docs/algorithm.md).
 * {@link partita.model.Estimator} is an unfitted model ({@link partita.model.XClassifier},
 * {@link partita.model.XRegressor}); {@code fit} returns an immutable
 * {@link partita.model.ClassifierModel} or {@link partita.model.RegressorModel}.
 * {@link partita.model.Kind} owns what differs between classifier and regressor (estimator,
 * target preparation, metrics, headline metric, loss, the predictions metrics read);
 * {@link partita.model.Params} holds the hyper-parameters; {@link partita.model.Columns} owns
 * the missing-cell rule and {@link partita.model.Labels} the label rule. Split statistics, tree
 * growing and the optional leaf optimiser live here too, and the sufficient statistics a
 * distributed trainer aggregates ({@link partita.model.ValueCounts},
 * {@link partita.model.CalibrationBins}). Depends on tablesaw,
 * {@link partita.eval} and {@link partita.PartitaException}.
 */
package partita.model;
