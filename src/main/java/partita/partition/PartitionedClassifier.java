package partita.partition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import partita.model.ClassifierModel;
import tech.tablesaw.api.Table;

/** A fitted partitioned binary classifier (see {@link PartitionedModel}). */
public final class PartitionedClassifier extends PartitionedModel {

    PartitionedClassifier(Partitioner trainer, String target, List<String> features, List<KeyType> sources,
                          List<Segment> segments, TrainingRows training) {
        super(trainer, target, features, sources, segments, training);
    }

    @Override
    public Kind kind() {
        return Kind.CLASSIFIER;
    }

    @Override
    PartitionedClassifier with(List<Segment> newSegments, TrainingRows rows) {
        return new PartitionedClassifier(trainer(), target(), features(), sources, newSegments, rows);
    }

    @Override
    public ClassifierModel datasetModel() {
        return (ClassifierModel) super.datasetModel();
    }

    /** [negative label, positive label] in the training column's type. */
    public List<Object> labels() {
        return datasetModel().labels();
    }

    /**
     * Calibrated probability of the positive label per row, each from its serving model's own
     * calibration map (raw scores of different segment models are not on one scale; these are).
     */
    public double[] predictProba(Table data) {
        return perRow(data, null, (m, rows) -> ((ClassifierModel) m).predictProba(data, rows));
    }

    /** Labels with the engine's rule per serving model (see {@link ClassifierModel#predict(Table, double)}), threshold 0.5. */
    public List<Object> predict(Table data) {
        return predict(data, 0.5);
    }

    /** Labels: the positive label where the serving model's decision value (score, or optimised: probability) is above the threshold. */
    public List<Object> predict(Table data, double threshold) {
        double[] scores = perRow(data, null, (m, rows) -> ((ClassifierModel) m).decisionValues(data, rows));
        List<Object> labels = labels();
        List<Object> out = new ArrayList<>(scores.length);
        for (double s : scores) {
            out.add(labels.get(s > threshold ? 1 : 0));
        }
        return out;
    }

    @Override
    public PartitionedClassifier withTrainingData(Table data) {
        return (PartitionedClassifier) super.withTrainingData(data);
    }

    @Override
    public PartitionedClassifier refit(Map<String, ?> settings) {
        return (PartitionedClassifier) super.refit(settings);
    }

    @Override
    public PartitionedClassifier refit(Map<String, ?> settings, Collection<String> segments, List<String> features) {
        return (PartitionedClassifier) super.refit(settings, segments, features);
    }

    @Override
    public ClassifierModel model(String segment) {
        return (ClassifierModel) super.model(segment);
    }
}
