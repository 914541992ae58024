package partita.model;

import java.util.List;

import tech.tablesaw.api.Table;

/** Unfitted transparent binary classifier; {@code fit} returns a {@link ClassifierModel}. */
public final class XClassifier extends Estimator<ClassifierModel> {

    public XClassifier() {
        this(Params.defaults());
    }

    public XClassifier(Params params) {
        super(params);
    }

    @Override
    public ClassifierModel fit(TrainingData data, int[] rows, List<String> features, ClassifierModel prior) {
        return ClassifierModel.fit(params(), data, rows, features, prior);
    }

    @Override
    TrainingData prepare(Table data, String target, List<String> features) {
        return TrainingData.forClassification(data, target, features);
    }
}
