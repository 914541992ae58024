package partita.model;

import java.util.List;

import tech.tablesaw.api.Table;

/** Unfitted transparent regressor; {@code fit} returns a {@link RegressorModel}. */
public final class XRegressor extends Estimator<RegressorModel> {

    public XRegressor() {
        this(Params.defaults());
    }

    public XRegressor(Params params) {
        super(params);
    }

    @Override
    public RegressorModel fit(TrainingData data, int[] rows, List<String> features, RegressorModel prior) {
        return RegressorModel.fit(params(), data, rows, features, prior);
    }

    @Override
    TrainingData prepare(Table data, String target, List<String> features) {
        return TrainingData.forRegression(data, target, features);
    }
}
