package partita.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Unfitted transparent binary classifier; {@code fit} returns a {@link ClassifierModel}. */
public record XClassifier(Params params) implements Estimator<ClassifierModel> {

    public XClassifier {
        Objects.requireNonNull(params, "params");
    }

    public XClassifier() {
        this(Params.defaults());
    }

    @Override
    public Kind kind() {
        return Kind.CLASSIFIER;
    }

    @Override
    public XClassifier withParams(Params p) {
        return new XClassifier(p);
    }

    @Override
    public ClassifierModel fit(TrainingData data, int[] rows, List<String> features, ClassifierModel prior) {
        return ClassifierModel.fit(params, data, rows, features, prior);
    }

    /**
     * Fits from the sufficient statistics of the training rows instead of the rows themselves,
     * as a distributed trainer aggregates them: per feature its {@link ValueCounts} (targets 0/1
     * by {@code labels}), and the {@link CalibrationBins} of a provisional model's scores over the
     * same rows, which {@code calibrate} computes (leaves and scores are final; only the map is
     * missing). The model is the one {@code fit} gives on those rows, bit for bit; it keeps no rows
     * (as a loaded model). The optimise step needs the rows, so an optimised estimator is refused.
     */
    public ClassifierModel fit(String target, List<Object> labels, List<ValueCounts> counts,
                               Function<ClassifierModel, CalibrationBins> calibrate) {
        return ClassifierModel.fit(params, target, labels, counts, calibrate);
    }
}
