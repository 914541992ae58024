package partita.model;

import java.util.List;
import java.util.Map;

import partita.eval.RegressionReport;
import tech.tablesaw.api.Table;

/** A fitted transparent regressor. */
public final class RegressorModel implements TransparentModel {

    private RegressorModel() {
    }

    static RegressorModel fit(Params params, TrainingData data, int[] rows, List<String> features) {
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
    @Override public RegressorModel refit(Params params, String... features) { throw new UnsupportedOperationException(); }

    /** Predictions clipped to {@link #predictionRange()}. */
    public double[] predict(Table data) { throw new UnsupportedOperationException(); }
    public double[] predict(Table data, int[] rows) { throw new UnsupportedOperationException(); }
    /** [lo, hi]; (-inf, +inf) unless set. */
    public double[] predictionRange() { throw new UnsupportedOperationException(); }
    public RegressorModel withPredictionRange(double lo, double hi) { throw new UnsupportedOperationException(); }
    /** Refit that re-attaches the training table (needed after load: the ridge step needs the rows). */
    public RegressorModel refit(Table trainingData, Params params, String... features) { throw new UnsupportedOperationException(); }
    public RegressionReport evaluate(Table data, String target) { throw new UnsupportedOperationException(); }
}
