package partita.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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
     * Fits from the sufficient statistics of the training rows, as a distributed trainer
     * aggregates them: per feature its {@link ValueCounts}, and the {@link LeafCounts} of the same
     * rows under a provisional model's leaves (final leaves, raw scores), which {@code leafCounts}
     * computes for the ridge step. The leaves and scores are those {@code fit} gives on those rows
     * up to the order the target sums were added in (within 1e-12 relative); the model keeps no
     * rows. The optimise step needs the rows, so an optimised estimator is refused.
     */
    public RegressorModel fit(String target, List<ValueCounts> counts, Function<RegressorModel, LeafCounts> leafCounts) {
        return RegressorModel.fit(params, target, counts, leafCounts);
    }
}
