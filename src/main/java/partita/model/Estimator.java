package partita.model;

import java.util.List;
import java.util.Objects;

import tech.tablesaw.api.Table;

/** What XClassifier and XRegressor share: parameters and the three ways to fit. */
abstract class Estimator<M extends TransparentModel> {

    private final Params params;

    Estimator(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** Fits on every column but the target. */
    public M fit(Table data, String target) {
        return fit(data, target, null);
    }

    /** Fits on the given feature columns (null = every column but the target; leave out id columns here). */
    public M fit(Table data, String target, List<String> features) {
        return fit(prepare(data, target, features), null, null);
    }

    /**
     * Fits on a view of prepared data (many fits can share one TrainingData).
     *
     * @param rows     indices into the data (null = all rows)
     * @param features a subset of data.features() (null = all)
     */
    public M fit(TrainingData data, int[] rows, List<String> features) {
        return fit(data, rows, features, null);
    }

    /**
     * As {@link #fit(TrainingData, int[], List)}, with a prior: a fitted model of this kind whose
     * per-feature contributions the optimise step pulls the scores toward instead of 0 (a segment's
     * parent; ignored unless both are optimised).
     */
    public abstract M fit(TrainingData data, int[] rows, List<String> features, M prior);

    abstract TrainingData prepare(Table data, String target, List<String> features);
}
