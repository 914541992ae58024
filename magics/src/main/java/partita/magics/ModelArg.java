package partita.magics;

import partita.PartitaException;
import partita.model.TransparentModel;
import partita.partition.PartitionedModel;

/** {@code model=}: a partitioned model, or a single transparent model for the magics that take either. */
final class ModelArg {

    private ModelArg() {
    }

    static Key key() {
        return Key.variable("model", "a partitioned model (from %train or %load) or a fitted XClassifier/XRegressor",
                Object.class).defaultValue("model");
    }

    /** {@code model=} for the magics that need a partitioned model. */
    static Key partitionedKey() {
        return Key.variable("model", "the partitioned model trained by %train or read by %load", PartitionedModel.class)
                .defaultValue("model");
    }

    /** The partitioned model named by {@code model=} (default {@code model}). */
    static PartitionedModel<?> partitioned(MagicCall call) {
        return call.notebook().value("model", call.args().text("model"), PartitionedModel.class);
    }

    /**
     * The Java type a model is bound as, generic in its segment models
     * ({@code partita.partition.PartitionedModel<partita.model.ClassifierModel>}), so a Java cell
     * gets the segment models' own type from {@code model.model("Husband")}.
     */
    static String javaType(Object model) {
        if (model instanceof PartitionedModel<?> p) {
            return PartitionedModel.class.getCanonicalName() + "<" + p.kind().modelType().getCanonicalName() + ">";
        }
        return model.getClass().getCanonicalName();
    }

    /** The model named by {@code model=} (default {@code model}). */
    static Object resolve(MagicCall call) {
        String name = call.args().text("model");
        Object value = call.notebook().value("model", name, Object.class);
        if (value instanceof PartitionedModel || value instanceof TransparentModel) {
            return value;
        }
        throw new PartitaException("model=" + name + " holds a " + value.getClass().getSimpleName()
                + ", not a model. Give a variable bound by %train or %load, or a fitted XClassifier/XRegressor.");
    }

    /** The transparent model of a segment ({@code __dataset__} when none is named) or the single model itself. */
    static TransparentModel segmentModel(Object model, String segment) {
        if (model instanceof PartitionedModel<?> partitioned) {
            return segment == null ? partitioned.datasetModel() : partitioned.model(segment);
        }
        if (segment != null) {
            throw new PartitaException("segment=" + segment + " applies to a partitioned model; this model is a single "
                    + model.getClass().getSimpleName() + ". Leave segment= out.");
        }
        return (TransparentModel) model;
    }
}
