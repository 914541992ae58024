/**
 * The transparent additive models: one small tree per feature, whose leaves become a step
 * function; a prediction is a base value plus one contribution per feature (docs/algorithm.md).
 * {@link partita.model.XClassifier} and {@link partita.model.XRegressor} are the estimators
 * ({@code fit} returns an immutable {@link partita.model.ClassifierModel} or
 * {@link partita.model.RegressorModel}); {@link partita.model.Params} holds the
 * hyper-parameters; {@link partita.model.Columns} owns the missing-cell rule. Split statistics,
 * tree growing and the optional leaf optimiser live here too. Depends on tablesaw,
 * {@link partita.eval} (reports) and {@link partita.PartitaException}.
 */
package partita.model;
