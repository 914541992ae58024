package partita.model;

import java.util.List;
import java.util.Objects;

/** Unfitted transparent binary classifier; {@code fit} returns a {@link ClassifierModel}. */
public record XClassifier(Params params) implements Estimator<ClassifierModel> {

    public XClassifier {
        Objects.requireNonNull(params, "params");
    }

    public XClassifier() {
        this(Params.defaults());
    }

    @Override
    public Kind kind() {
        return Kind.CLASSIFIER;
    }

    @Override
    public XClassifier withParams(Params p) {
        return new XClassifier(p);
    }

    @Override
    public ClassifierModel fit(TrainingData data, int[] rows, List<String> features, ClassifierModel prior) {
        return ClassifierModel.fit(params, data, rows, features, prior);
    }

    /**
     * Fitting from the sufficient statistics of the training rows instead of the rows, as a
     * distributed trainer aggregates them, step one: the model grown from each feature's
     * {@link ValueCounts} (targets 0/1 by {@code labels}), with its final leaves and scores and
     * no calibration map yet. Step two, {@link #fit(ClassifierModel, CalibrationBins)}, needs the
     * {@link CalibrationBins} of this model's scores over the same rows. An optimised estimator
     * is refused: grow its leaves with optimise=false, then run {@link OptimiseStep} over the rows.
     */
    public ClassifierModel grow(String target, List<Object> labels, List<ValueCounts> counts) {
        return ClassifierModel.grow(params, target, labels, counts);
    }

    /**
     * The same from each feature's split statistics (a distributed sort thins a numeric feature's
     * values to its candidate splits: {@link SplitStats.Numeric#ofCandidates}) and the count of
     * positive rows among those counted.
     */
    public ClassifierModel grow(String target, List<Object> labels, List<String> features, List<SplitStats> stats,
                                double positives) {
        return ClassifierModel.grow(params, target, labels, features, stats.toArray(SplitStats[]::new), positives);
    }

    /**
     * The grown model with the calibration map learnt from its scores' bins: the model
     * {@code fit} gives on the rows counted, bit for bit. It keeps no rows (as a loaded model).
     */
    public ClassifierModel fit(ClassifierModel grown, CalibrationBins bins) {
        return grown.calibrated(bins);
    }
}
