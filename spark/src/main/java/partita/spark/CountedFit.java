package partita.spark;

import java.io.Serializable;
import java.util.List;

import partita.PartitaException;
import partita.model.CalibrationBins;
import partita.model.ClassifierModel;
import partita.model.Estimator;
import partita.model.Kind;
import partita.model.LeafCounts;
import partita.model.Params;
import partita.model.RegressorModel;
import partita.model.TransparentModel;
import partita.model.SplitStats;
import partita.model.XClassifier;
import partita.model.XRegressor;
import partita.partition.Moments;
import tech.tablesaw.api.Table;

/**
 * How each kind fits from statistics Spark aggregates: the value counts of a chunk, the model
 * grown from them, and the second statistic a grown model needs over the same rows (the bins of
 * its scores for a classifier's calibration map, the leaf counts for a regressor's ridge step).
 *
 * @param <M> the fitted model
 * @param <S> the second statistic
 */
sealed interface CountedFit<M extends TransparentModel, S extends Serializable> extends Serializable {

    Kind kind();

    /** The target's moments over rows with these targets (0/1 for a classifier) and this sum: order-independent for 0/1. */
    Moments moments(int rows, double targetSum, Moments merged);

    /** The model grown from its features' split statistics over rows with this target sum (leaves final). */
    M grow(Params params, String target, List<Object> labels, List<String> features, List<SplitStats> stats,
           double targetSum);

    /** The second statistic of a grown model over some rows of a chunk, all with a target ({@code y}, in their order). */
    S second(M grown, Table chunk, int[] rows, double[] y);

    S merge(S a, S b);

    M fit(Params params, M grown, S second);

    /** The one for an estimator: XClassifier or XRegressor (optimised or not: their leaves grow from counts). */
    @SuppressWarnings("unchecked")
    static <M extends TransparentModel> CountedFit<M, ?> of(Estimator<M> estimator) {
        if (!(estimator instanceof XClassifier || estimator instanceof XRegressor)) {
            throw new PartitaException("Training on Spark fits XClassifier and XRegressor from statistics Spark"
                    + " aggregates; " + estimator.getClass().getSimpleName() + " is not one of them. Train it in"
                    + " process.");
        }
        return (CountedFit<M, ?>) (estimator instanceof XClassifier ? new Classifier() : new Regressor());
    }

    record Classifier() implements CountedFit<ClassifierModel, CalibrationBins> {
        @Override
        public Kind kind() {
            return Kind.CLASSIFIER;
        }

        @Override
        public Moments moments(int rows, double targetSum, Moments merged) {
            return Moments.binary(rows, targetSum);
        }

        @Override
        public ClassifierModel grow(Params params, String target, List<Object> labels, List<String> features,
                                    List<SplitStats> stats, double targetSum) {
            return new XClassifier(params).grow(target, labels, features, stats, targetSum);
        }

        @Override
        public CalibrationBins second(ClassifierModel grown, Table chunk, int[] rows, double[] y) {
            return CalibrationBins.of(grown.predictScore(chunk, rows), y);
        }

        @Override
        public CalibrationBins merge(CalibrationBins a, CalibrationBins b) {
            return a.merge(b);
        }

        @Override
        public ClassifierModel fit(Params params, ClassifierModel grown, CalibrationBins second) {
            return new XClassifier(params).fit(grown, second);
        }
    }

    record Regressor() implements CountedFit<RegressorModel, LeafCounts> {
        @Override
        public Kind kind() {
            return Kind.REGRESSOR;
        }

        @Override
        public Moments moments(int rows, double targetSum, Moments merged) {
            return merged;
        }

        @Override
        public RegressorModel grow(Params params, String target, List<Object> labels, List<String> features,
                                   List<SplitStats> stats, double targetSum) {
            return new XRegressor(params).grow(target, features, stats, targetSum);
        }

        @Override
        public LeafCounts second(RegressorModel grown, Table chunk, int[] rows, double[] y) {
            return grown.leafCounts(chunk, rows, y);
        }

        @Override
        public LeafCounts merge(LeafCounts a, LeafCounts b) {
            return a.merge(b);
        }

        @Override
        public RegressorModel fit(Params params, RegressorModel grown, LeafCounts second) {
            return new XRegressor(params).fit(grown, second);
        }
    }
}
