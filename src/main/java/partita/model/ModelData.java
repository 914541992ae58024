package partita.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import partita.PartitaException;

/**
 * The complete state of a fitted model as plain values, for persistence
 * ({@link partita.io.ModelJson}): {@link TransparentModel#snapshot()} takes it,
 * {@link #toModel()} checks it and rebuilds the model (without training data in memory).
 *
 * @param kind        "classifier" or "regressor"
 * @param labels      classifier: [negative, positive] in the user's type; regressor: empty
 * @param targetMean  mean target of the training rows (leaves are grown against it)
 * @param baseValue   the model's intercept (classifier: = targetMean; regressor: ridge intercept)
 * @param calibration classifier: the 101-point calibration map; regressor: null
 * @param lower       regressor prediction range lower end (classifier: -inf)
 * @param upper       regressor prediction range upper end (classifier: +inf)
 * @param penalty     optimised models: the penalty the scores were fitted with; NaN otherwise
 */
public record ModelData(String kind, Params params, String target, List<Object> labels, List<FeatureData> features,
                        double targetMean, double baseValue, int trainingRows, double[] calibration, double lower,
                        double upper, double penalty) {

    public static final String CLASSIFIER = "classifier";
    public static final String REGRESSOR = "regressor";

    public ModelData {
        labels = List.copyOf(labels);
        features = List.copyOf(features);
    }

    /** The model this data describes; a PartitaException names the first inconsistency. */
    public TransparentModel toModel() {
        if (features.isEmpty()) {
            throw damaged("it has no features");
        }
        if (trainingRows <= 0) {
            throw damaged("training_rows is " + trainingRows);
        }
        if (!Double.isFinite(baseValue) || !Double.isFinite(targetMean)) {
            throw damaged("base_value " + baseValue + " / target_mean " + targetMean + " is not a finite number");
        }
        double[] map = calibration == null ? null : calibration.clone();
        if (map != null) {
            for (int i = 0; i < map.length; i++) {
                // files written before the map was clamped can hold 1 + 1 ulp: read as 1, as the map is now made
                if (map[i] > 1 && map[i] <= 1 + 1e-12) {
                    map[i] = 1;
                }
                if (!(map[i] >= 0 && map[i] <= 1)) {
                    throw damaged("calibration_map[" + i + "] is " + map[i] + ", not a probability");
                }
            }
        }
        Set<String> names = new HashSet<>();
        FeatureModel[] models = new FeatureModel[features.size()];
        for (int j = 0; j < models.length; j++) {
            FeatureData f = features.get(j);
            if (!names.add(f.name())) {
                throw damaged("feature '" + f.name() + "' appears twice");
            }
            checkLeaves(f, j);
            models[j] = new FeatureModel(f.name(), f.params(), f.stats(), f.leaves());
        }
        if (params.optimise() != !Double.isNaN(penalty) || penalty < 0 || Double.isInfinite(penalty)) {
            throw damaged("optimise=" + params.optimise() + " does not match the fitted penalty " + penalty
                    + " (an optimised model has a penalty >= 0, a reference one none)");
        }
        switch (kind) {
            case CLASSIFIER -> {
                if (labels.size() != 2) {
                    throw damaged("a classifier needs 2 labels");
                }
                if (params.optimise() ? calibration != null : calibration == null || calibration.length != 101) {
                    throw damaged(params.optimise() ? "an optimised classifier has no calibration map"
                            : "a classifier needs a 101-point calibration map");
                }
                return new ClassifierModel(params, target, labels, models, targetMean, baseValue, trainingRows,
                        map, null, penalty, null);
            }
            case REGRESSOR -> {
                if (!(lower <= upper)) {
                    throw damaged("prediction range [" + lower + ", " + upper + "] is empty");
                }
                return new RegressorModel(params, target, models, targetMean, baseValue, trainingRows, lower, upper,
                        null, penalty, null);
            }
            default -> throw damaged("unknown model kind '" + kind + "' (expected classifier or regressor)");
        }
    }

    private static void checkLeaves(FeatureData f, int j) {
        List<Leaf> leaves = f.leaves();
        for (int i = 0; i < leaves.size(); i++) {
            if (!Double.isFinite(leaves.get(i).score())) {
                throw damaged("features[" + j + "] ('" + f.name() + "').leaves[" + i + "].score is "
                        + leaves.get(i).score() + ", not a finite number");
            }
        }
        if (leaves.isEmpty() || !leaves.get(leaves.size() - 1).missing()) {
            throw damaged("feature '" + f.name() + "' does not end with its missing-value leaf");
        }
        boolean numeric = f.stats() instanceof SplitStats.Numeric;
        double previousUpper = Double.NEGATIVE_INFINITY;
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < leaves.size() - 1; i++) {
            Leaf l = leaves.get(i);
            if (l.missing()) {
                throw damaged("feature '" + f.name() + "' has a missing-value leaf before its last leaf");
            }
            if (numeric) {
                if (l.category() != null || Double.compare(l.lower(), previousUpper) != 0 || !(l.upper() > l.lower())) {
                    throw damaged("numeric feature '" + f.name() + "' has leaf bounds out of order at leaf " + i);
                }
                previousUpper = l.upper();
            } else if (l.category() == null || !categories.add(l.category())) {
                throw damaged("categorical feature '" + f.name() + "' has a leaf without a category or a repeated one");
            }
        }
        if (numeric && previousUpper != Double.POSITIVE_INFINITY) {
            throw damaged("numeric feature '" + f.name() + "' does not end its leaves at +inf");
        }
    }

    private static PartitaException damaged(String why) {
        return new PartitaException("The model data is damaged: " + why + ". Load an intact model file or fit the"
                + " model again.");
    }
}
