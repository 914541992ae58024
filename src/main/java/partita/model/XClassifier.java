package partita.model;

import java.util.List;
import java.util.Objects;

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
}
