package partita.model;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import tech.tablesaw.api.Table;

/**
 * A fitted transparent additive model: baseValue plus one step function per feature
 * (docs/algorithm.md). Immutable; {@link #refit} returns a new model.
 */
public sealed interface TransparentModel permits ClassifierModel, RegressorModel {

    /** The parameters the model was fitted (or last refitted for all features) with. */
    Params params();

    /** Parameters per feature (they differ after a refit of some features), in feature order. */
    Map<String, Params> featureParams();

    String target();

    List<String> features();

    double baseValue();

    int trainingRows();

    /** One score per row of the table, in row order. */
    double[] predictScore(Table data);

    /** Scores of the given rows only, in the given order. */
    double[] predictScore(Table data, int[] rows);

    List<FeatureProfile> profile();

    FeatureProfile profile(String feature);

    /** Share of each feature in the model (LinkedHashMap in feature order; sum 1, or all 0). */
    Map<String, Double> featureImportances();

    List<Explanation> explain(Table data);

    Explanation explain(Table data, int row);

    /** Number of leaves over all features, missing-value leaves included. */
    int leafCount();

    /**
     * True while the training rows are in memory (after fit; false after loading from a
     * file). A refit then re-learns the calibration map (classifier) or re-runs the ridge step
     * (regressor); without them a classifier refit keeps its calibration map and a regressor
     * refit is refused.
     */
    boolean hasTrainingData();

    /**
     * The same model with its training table attached (e.g. after loading from a file), so a
     * refit can use the rows. The table must be the one the model was trained on: its split
     * statistics are recomputed and must match the model's.
     */
    TransparentModel withTrainingData(Table data);

    /** As {@link #withTrainingData(Table)}, for a model fitted on a view of prepared data. */
    TransparentModel withTrainingData(TrainingData data, int[] rows);

    /**
     * As {@link #withTrainingData(TrainingData, int[])}, with the model an optimised refit pulls
     * the scores toward (a segment's parent, as when it was fitted; null for none).
     */
    TransparentModel withTrainingData(TrainingData data, int[] rows, TransparentModel prior);

    /** What a score means, in words for tables and explanations (scale and how it becomes a prediction). */
    String scoreScale();

    /**
     * Features whose candidate splits the model file thinned: a refit of the loaded model re-grows
     * them from fewer candidates (same parameters give the same model) until the training rows are
     * attached. Empty for a model fitted or attached in memory.
     */
    List<String> thinnedFeatures();

    /** True when the leaf scores were fitted jointly (parameter optimise, docs/algorithm.md section 11). */
    boolean optimised();

    /** The penalty (in rows) an optimised model was fitted with, chosen from the data unless given; NaN otherwise. */
    double penalty();

    /** The model's complete state as plain values (what a model file holds). */
    ModelData snapshot();

    /**
     * Re-grows and re-scores the given features (none = all) with the model's parameters changed
     * by {@code change} ({@code m.refit(p -> p.maxDepth(4), "age")}), from the kept split
     * statistics. An optimised model re-optimises every leaf score, which needs the training
     * rows; optimise and penalty change only with a refit of all features.
     */
    TransparentModel refit(UnaryOperator<Params.Builder> change, String... features);

    /** Classifier or regressor. */
    default Kind kind() {
        return Kind.of(this);
    }
}
