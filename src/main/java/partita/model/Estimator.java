package partita.model;

import java.util.List;

import tech.tablesaw.api.Table;

/**
 * An unfitted model: its kind and parameters; {@code fit} returns an immutable fitted model of
 * type {@code M}. A partitioned trainer wraps any estimator (one fit per segment), as
 * scikit-learn's meta-estimators do.
 */
public interface Estimator<M extends TransparentModel> {

    Kind kind();

    Params params();

    /** The same estimator with other parameters (a segment's own). */
    Estimator<M> withParams(Params params);

    /** Fits on every column but the target. */
    default M fit(Table data, String target) {
        return fit(data, target, null);
    }

    /** Fits on the given feature columns (null = every column but the target; leave out id columns here). */
    default M fit(Table data, String target, List<String> features) {
        return fit(kind().prepare(data, target, features), null, null, null);
    }

    /**
     * Fits on a view of prepared data (many fits share one {@link TrainingData}), with a prior: a
     * fitted model of this kind whose per-feature contributions the optimise step pulls the scores
     * toward instead of 0 (a segment's parent; null for none, ignored unless both are optimised).
     *
     * @param rows     indices into the data (null = all rows)
     * @param features a subset of data.features() (null = all)
     */
    M fit(TrainingData data, int[] rows, List<String> features, M prior);

}
