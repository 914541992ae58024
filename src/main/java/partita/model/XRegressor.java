package partita.model;

import java.util.List;

import tech.tablesaw.api.Table;

/** Unfitted transparent regressor; {@code fit} returns a {@link RegressorModel}. */
public final class XRegressor {

    private final Params params;

    public XRegressor() {
        this(Params.defaults());
    }

    public XRegressor(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** Fits on every column but the target. */
    public RegressorModel fit(Table data, String target) {
        return fit(data, target, null);
    }

    /** Fits on the given feature columns (null = every column but the target). */
    public RegressorModel fit(Table data, String target, List<String> features) {
        return fit(TrainingData.forRegression(data, target, features), null, null);
    }

    /**
     * Fits on a view of prepared data.
     *
     * @param rows     indices into the data (null = all rows)
     * @param features a subset of data.features() (null = all)
     */
    public RegressorModel fit(TrainingData data, int[] rows, List<String> features) {
        return RegressorModel.fit(params, data, rows, features);
    }
}
