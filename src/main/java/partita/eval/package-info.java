/**
 * Metrics (AUC, accuracy, log loss, R², RMSE...) and the classification and regression
 * reports built from them. Plain arrays in, numbers out; depends on nothing else of Partita.
 */
package partita.eval;
