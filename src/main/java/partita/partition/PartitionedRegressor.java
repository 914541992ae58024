package partita.partition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import partita.model.RegressorModel;
import tech.tablesaw.api.Table;

/** A fitted partitioned regressor (see {@link PartitionedModel}). */
public final class PartitionedRegressor extends PartitionedModel {

    PartitionedRegressor(Partitioner trainer, String target, List<String> features, List<KeyType> sources,
                         List<Segment> segments, TrainingRows training) {
        super(trainer, target, features, sources, segments, training);
    }

    @Override
    public Kind kind() {
        return Kind.REGRESSOR;
    }

    @Override
    PartitionedRegressor with(List<Segment> newSegments, TrainingRows rows) {
        return new PartitionedRegressor(trainer(), target(), features(), sources, newSegments, rows);
    }

    @Override
    public RegressorModel datasetModel() {
        return (RegressorModel) super.datasetModel();
    }

    /** Predictions per row from the serving model, clipped to that model's prediction range. */
    public double[] predict(Table data) {
        return perRow(data, null, (m, rows) -> ((RegressorModel) m).predict(data, rows));
    }

    @Override
    public PartitionedRegressor withTrainingData(Table data) {
        return (PartitionedRegressor) super.withTrainingData(data);
    }

    @Override
    public PartitionedRegressor refit(Map<String, ?> settings) {
        return (PartitionedRegressor) super.refit(settings);
    }

    @Override
    public PartitionedRegressor refit(Map<String, ?> settings, Collection<String> segments, List<String> features) {
        return (PartitionedRegressor) super.refit(settings, segments, features);
    }

    @Override
    public RegressorModel model(String segment) {
        return (RegressorModel) super.model(segment);
    }
}
