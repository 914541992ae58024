package partita.model;

import java.util.List;
import java.util.Map;

import partita.eval.ClassificationReport;
import tech.tablesaw.api.Table;

/** A fitted transparent binary classifier. */
public final class ClassifierModel implements TransparentModel {

    private ClassifierModel() {
    }

    static ClassifierModel fit(Params params, TrainingData data, int[] rows, List<String> features) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override public Params params() { throw new UnsupportedOperationException(); }
    @Override public Map<String, Params> featureParams() { throw new UnsupportedOperationException(); }
    @Override public String target() { throw new UnsupportedOperationException(); }
    @Override public List<String> features() { throw new UnsupportedOperationException(); }
    @Override public double baseValue() { throw new UnsupportedOperationException(); }
    @Override public int trainingRows() { throw new UnsupportedOperationException(); }
    @Override public double[] predictScore(Table data) { throw new UnsupportedOperationException(); }
    @Override public double[] predictScore(Table data, int[] rows) { throw new UnsupportedOperationException(); }
    @Override public List<FeatureProfile> profile() { throw new UnsupportedOperationException(); }
    @Override public FeatureProfile profile(String feature) { throw new UnsupportedOperationException(); }
    @Override public Map<String, Double> featureImportances() { throw new UnsupportedOperationException(); }
    @Override public List<Explanation> explain(Table data) { throw new UnsupportedOperationException(); }
    @Override public Explanation explain(Table data, int row) { throw new UnsupportedOperationException(); }
    @Override public int leafCount() { throw new UnsupportedOperationException(); }
    @Override public ClassifierModel refit(Params params, String... features) { throw new UnsupportedOperationException(); }

    public double[] predictProba(Table data) { throw new UnsupportedOperationException(); }
    public double[] predictProba(Table data, int[] rows) { throw new UnsupportedOperationException(); }
    /** Calibration map lookup: map[floor(100 * score)]. */
    public double proba(double score) { throw new UnsupportedOperationException(); }
    /** The 101-point calibration map (a copy). */
    public double[] calibrationMap() { throw new UnsupportedOperationException(); }
    /** [negative label, positive label] in the training column's type. */
    public List<Object> labels() { throw new UnsupportedOperationException(); }
    public List<Object> predict(Table data) { throw new UnsupportedOperationException(); }
    public List<Object> predict(Table data, double threshold) { throw new UnsupportedOperationException(); }
    public ClassificationReport evaluate(Table data, String target) { throw new UnsupportedOperationException(); }
}
