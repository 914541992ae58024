package partita.model;

import java.util.List;

import tech.tablesaw.api.Table;

/** Unfitted transparent binary classifier; {@code fit} returns a {@link ClassifierModel}. */
public final class XClassifier {

    private final Params params;

    public XClassifier() {
        this(Params.defaults());
    }

    public XClassifier(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** Fits on every column but the target. */
    public ClassifierModel fit(Table data, String target) {
        return fit(data, target, null);
    }

    /** Fits on the given feature columns (null = every column but the target). */
    public ClassifierModel fit(Table data, String target, List<String> features) {
        return fit(TrainingData.forClassification(data, target, features), null, null);
    }

    /**
     * Fits on a view of prepared data.
     *
     * @param rows     indices into the data (null = all rows)
     * @param features a subset of data.features() (null = all)
     */
    public ClassifierModel fit(TrainingData data, int[] rows, List<String> features) {
        return ClassifierModel.fit(params, data, rows, features);
    }
}
