package partita.model;

import java.util.List;
import java.util.Objects;

/** Unfitted transparent regressor; {@code fit} returns a {@link RegressorModel}. */
public record XRegressor(Params params) implements Estimator<RegressorModel> {

    public XRegressor {
        Objects.requireNonNull(params, "params");
    }

    public XRegressor() {
        this(Params.defaults());
    }

    @Override
    public Kind kind() {
        return Kind.REGRESSOR;
    }

    @Override
    public XRegressor withParams(Params p) {
        return new XRegressor(p);
    }

    @Override
    public RegressorModel fit(TrainingData data, int[] rows, List<String> features, RegressorModel prior) {
        return RegressorModel.fit(params, data, rows, features, prior);
    }

    /**
     * Fitting from the sufficient statistics of the training rows, as a distributed trainer
     * aggregates them, step one: the model grown from each feature's {@link ValueCounts}, with
     * its final leaves and their raw scores. Step two, {@link #fit(RegressorModel, LeafCounts)},
     * needs the {@link LeafCounts} of the same rows under these leaves ({@code grown.leafCounts(chunk, rows, y)}
     * per chunk, merged). An optimised estimator is refused: grow with optimise=false, then run
     * {@link OptimiseStep}.
     */
    public RegressorModel grow(String target, List<ValueCounts> counts) {
        return RegressorModel.grow(params, target, counts);
    }

    /**
     * The same from each feature's split statistics (a distributed sort thins a numeric feature's
     * values to its candidate splits: {@link SplitStats.Numeric#ofCandidates}) and the target's
     * sum over the rows counted.
     */
    public RegressorModel grow(String target, List<String> features, List<SplitStats> stats, double targetSum) {
        return RegressorModel.grow(params, target, features, stats.toArray(SplitStats[]::new), targetSum);
    }

    /**
     * The grown model's leaves scored by the ridge step: the model {@code fit} gives on the rows
     * counted, up to the order the target sums were added in (within 1e-12 relative). It keeps
     * no rows (as a loaded model).
     */
    public RegressorModel fit(RegressorModel grown, LeafCounts counts) {
        return grown.ridge(counts);
    }
}
