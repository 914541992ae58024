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
}
