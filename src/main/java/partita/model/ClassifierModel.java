package partita.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import partita.PartitaException;
import partita.eval.ClassificationReport;
import partita.eval.Metrics;
import tech.tablesaw.api.Table;

/**
 * A fitted transparent binary classifier: scores that add up per feature, labels in the training
 * column's own type. The reference method (docs/algorithm.md section 7) scores in [0, 1] and maps
 * scores to probabilities with a calibration map; an optimised model (section 11) scores in
 * log-odds and its probability is the sigmoid of the score.
 */
public final class ClassifierModel extends FittedModel implements TransparentModel {

    private static final int BINS = CalibrationBins.BINS;
    private static final int MAP_POINTS = 101;
    private static final int SMOOTH = 15;

    private final List<Object> labels;
    private final double[] calibration;

    ClassifierModel(Params params, String target, List<Object> labels, FeatureModel[] models, double targetMean,
                    double baseValue, int trainingRows, double[] calibration, TrainingView training, double penalty,
                    FittedModel prior) {
        super(params, target, models, targetMean, baseValue, trainingRows, training, penalty, prior);
        this.labels = List.copyOf(labels);
        this.calibration = calibration;
    }

    static ClassifierModel fit(Params params, TrainingData data, int[] rows, List<String> features,
                               ClassifierModel prior) {
        TrainingView view = TrainingView.of(data, rows, true);
        List<String> names = view.features(features);
        SplitStats[] stats = view.stats(names, params.alpha());
        return build(params, data.target(), data.labels(), names, same(params, names.size()), stats,
                view.targetMean(), view.n(), view, null, prior);
    }

    /** See {@link XClassifier#grow}. */
    static ClassifierModel grow(Params params, String target, List<Object> labels, List<ValueCounts> counts) {
        countedRows(params, counts);
        double positives = counts.get(0).missingSum();
        for (double s : counts.get(0).sums()) {
            positives += s;
        }
        return grow(params, target, labels, counts.stream().map(ValueCounts::feature).toList(),
                counts.stream().map(c -> c.splitStats(params.alpha())).toArray(SplitStats[]::new), positives);
    }

    /** See {@link XClassifier#grow(String, List, List, List, double)}. */
    static ClassifierModel grow(Params params, String target, List<Object> labels, List<String> names,
                                SplitStats[] stats, double positives) {
        int n = countedRows(params, names, stats);
        double mean = positives / n;
        if (mean == 0 || mean == 1) {
            throw new PartitaException("The training rows contain only the label '" + labels.get((int) mean)
                    + "' of target '" + target + "'; a binary classifier needs rows of both labels " + labels + ".");
        }
        return build(params, target, labels, names, same(params, names.size()), stats, mean, n, null,
                new double[MAP_POINTS], null);
    }

    /** This grown model's leaves with the scores of the optimise step (see {@link OptimiseStep#fit}). */
    ClassifierModel optimised(Params params, Optimised o, FittedModel prior) {
        return new ClassifierModel(params, target, labels, o.models(), targetMean, o.intercept(), trainingRows, null,
                null, o.penalty(), prior);
    }

    /** See {@link XClassifier#fit(ClassifierModel, CalibrationBins)}. */
    ClassifierModel calibrated(CalibrationBins bins) {
        return new ClassifierModel(params, target, labels, models, targetMean, baseValue, trainingRows,
                calibrationMap(bins), null, Double.NaN, null);
    }

    /**
     * Grows the leaves and scores them: jointly when optimised (needs the training rows), else
     * normalised with a calibration map learnt on the training rows when they are at hand,
     * otherwise kept from {@code calibration} (a loaded model refitted without data).
     */
    static ClassifierModel build(Params params, String target, List<Object> labels, List<String> names,
                                 Params[] featureParams, SplitStats[] stats, double baseValue, int n,
                                 TrainingView view, double[] calibration, FittedModel prior) {
        List<Leaf>[] raw = grow(stats, featureParams, n, baseValue, true);
        if (params.optimise()) {
            FeatureModel[] grown = new FeatureModel[raw.length];
            for (int j = 0; j < raw.length; j++) {
                grown[j] = new FeatureModel(names.get(j), featureParams[j], stats[j], raw[j]);
            }
            Optimised o = optimise(grown, view, params.penalty(), prior, LeafOptimiser.Loss.LOGISTIC);
            return new ClassifierModel(params, target, labels, o.models(), baseValue, o.intercept(), n, null, view,
                    o.penalty(), prior);
        }
        double minSum = 0;
        double maxSum = 0;
        for (int j = 0; j < raw.length; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Leaf l : raw[j]) {
                if (!(l.missing() && featureParams[j].ignoreNan())) {
                    min = Math.min(min, l.rawScore());
                    max = Math.max(max, l.rawScore());
                }
            }
            minSum += min;
            maxSum += max;
        }
        FeatureModel[] models = new FeatureModel[raw.length];
        for (int j = 0; j < raw.length; j++) {
            List<Leaf> scored = new ArrayList<>(raw[j].size());
            for (Leaf l : raw[j]) {
                double r = l.rawScore();
                double score = r == 0 ? 0 : r < 0 ? Math.abs(r) / minSum * baseValue : r / maxSum * (1 - baseValue);
                scored.add(l.withScore(score));
            }
            models[j] = new FeatureModel(names.get(j), featureParams[j], stats[j], scored);
        }
        double[] map = view == null ? calibration
                : calibrationMap(scores(models, baseValue, view.leaves(models)), view.y());
        return new ClassifierModel(params, target, labels, models, baseValue, baseValue, n, map, view, Double.NaN,
                null);
    }

    /**
     * The 101-point calibration map (docs/algorithm.md section 7, with the documented deviation:
     * all 20 bins stay in place; a bin whose 3-bin window is empty takes the nearest defined
     * bin below, or above at the start).
     */
    static double[] calibrationMap(double[] scores, double[] y) {
        return calibrationMap(CalibrationBins.of(scores, y));
    }

    /** The map from the bins of the training scores (count and target sum per bin). */
    static double[] calibrationMap(CalibrationBins bins) {
        long[] count = bins.count();
        double[] sum = bins.sum();
        double[] v = new double[BINS];
        boolean[] defined = new boolean[BINS];
        for (int i = 0; i < BINS; i++) {
            double total = 0;
            for (int j = i - 1; j <= i + 1; j++) {
                total += j >= 0 && j < BINS ? count[j] : 0;
            }
            if (total == 0) {
                continue;
            }
            double wp = 0;
            for (int j = i - 1; j <= i + 1; j++) {
                if (j >= 0 && j < BINS && count[j] > 0) {
                    wp += count[j] / total * (sum[j] / count[j]);
                }
            }
            v[i] = wp;
            defined[i] = true;
        }
        fillUndefined(v, defined);
        double[] expanded = new double[MAP_POINTS];
        for (int i = 0; i < MAP_POINTS; i++) {
            expanded[i] = v[Math.min(i / 5, BINS - 1)];
        }
        double[] map = movingAverage(expanded, SMOOTH);
        // a bin of only positives can average to 1 + 1 ulp by rounding: a probability stays in [0, 1]
        for (int i = 0; i < map.length; i++) {
            map[i] = Math.max(0, Math.min(1, map[i]));
        }
        return map;
    }

    /**
     * Centred moving average, truncated at the ends, computed as a running sum with Kahan
     * compensation (added and removed values compensated separately) the way the reference's
     * pandas rolling mean does, so the map matches it to the last bit; a window of identical
     * values averages to exactly that value.
     */
    static double[] movingAverage(double[] v, int window) {
        int n = v.length;
        int half = (window - 1) / 2;
        double[] out = new double[n];
        double sum = 0;
        double addComp = 0;
        double removeComp = 0;
        int count = 0;
        int sameRun = 0;
        double prev = v[0];
        int start = 0;
        int end = 0;
        for (int i = 0; i < n; i++) {
            int s = Math.max(0, i - half);
            int e = Math.min(n, i + half + 1);
            for (; start < s; start++) {
                double y = -v[start] - removeComp;
                double t = sum + y;
                removeComp = t - sum - y;
                sum = t;
                count--;
            }
            for (; end < e; end++) {
                double y = v[end] - addComp;
                double t = sum + y;
                addComp = t - sum - y;
                sum = t;
                count++;
                sameRun = v[end] == prev ? sameRun + 1 : 1;
                prev = v[end];
            }
            out[i] = sameRun >= count ? prev : sum / count;
        }
        return out;
    }

    /** Undefined bins take the nearest defined bin below (above when none is below). */
    private static void fillUndefined(double[] v, boolean[] defined) {
        int firstDefined = -1;
        for (int i = 0; i < v.length && firstDefined < 0; i++) {
            firstDefined = defined[i] ? i : -1;
        }
        if (firstDefined < 0) {
            return; // no scored rows at all: the map stays 0
        }
        for (int i = 0; i < v.length; i++) {
            if (!defined[i]) {
                v[i] = i < firstDefined ? v[firstDefined] : v[i - 1];
            }
        }
    }

    @Override
    double probaOf(double score) {
        return proba(score);
    }

    /**
     * The probability of the positive label for a score: an optimised model's sigmoid of the
     * log-odds score, else the calibration map lookup map[floor(100 * score)] (truncated toward
     * zero, clamped to the map).
     */
    public double proba(double score) {
        if (Double.isNaN(score)) {
            return Double.NaN;
        }
        if (optimised()) {
            return 1 / (1 + Math.exp(-score));
        }
        int i = (int) (score * 100);
        return calibration[Math.max(0, Math.min(MAP_POINTS - 1, i))];
    }

    public double[] predictProba(Table data) {
        return predictProba(data, null);
    }

    public double[] predictProba(Table data, int[] rows) {
        double[] s = predictScore(data, rows);
        for (int i = 0; i < s.length; i++) {
            s[i] = proba(s[i]);
        }
        return s;
    }

    /** The 101-point calibration map (a copy); null for an optimised model, whose probability is the sigmoid. */
    public double[] calibrationMap() {
        return calibration == null ? null : calibration.clone();
    }

    @Override
    public String scoreScale() {
        return optimised() ? "log-odds (probability = sigmoid(score))" : "reference score in [0, 1] (probability from the calibration map)";
    }

    /**
     * The values {@link #predict(Table, double)} compares with its threshold: the score of the
     * reference method (in [0, 1]), the probability of an optimised model.
     */
    public double[] decisionValues(Table data, int[] rows) {
        return optimised() ? predictProba(data, rows) : predictScore(data, rows);
    }

    /** [negative label, positive label] in the training column's type. */
    public List<Object> labels() {
        return labels;
    }

    /** Labels with the default threshold 0.5 (see {@link #predict(Table, double)}). */
    public List<Object> predict(Table data) {
        return predict(data, 0.5);
    }

    /** Labels: positive when the {@link #decisionValues decision value} (score, or optimised: probability) &gt; threshold. */
    public List<Object> predict(Table data, double threshold) {
        double[] s = decisionValues(data, null);
        List<Object> out = new ArrayList<>(s.length);
        for (double v : s) {
            out.add(labels.get(v > threshold ? 1 : 0));
        }
        return out;
    }

    /**
     * Metrics on labelled rows, each on the input every comparison uses ({@link partita.eval.Metric}):
     * the calibrated probabilities, for AUC, log loss and Brier score, and at 0.5 for accuracy,
     * precision, recall, F1 and the confusion matrix. ({@link #predict(Table)} keeps the reference
     * method's rule on the raw score, so for a non-optimised model its labels can differ from
     * those counted here.)
     */
    public ClassificationReport evaluate(Table data, String targetColumn) {
        double[] y = Labels.read(Columns.column(data, targetColumn, "target"), labels);
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                throw new PartitaException("The target column '" + targetColumn + "' has a missing value at row " + i
                        + ". Drop rows without a label before evaluating.");
            }
        }
        return Metrics.classificationReport(y, kind().predictions(this, data, null, y).values());
    }

    @Override
    public ClassifierModel refit(UnaryOperator<Params.Builder> change, String... names) {
        Params p = keepAlpha(change.apply(params.toBuilder()).build());
        Params[] featureParams = refitParams(p, names);
        Params model = names.length == 0 ? p : params;
        if (model.optimise() && training == null) {
            throw noTrainingRows("the optimise step");
        }
        return build(model, target, labels, features, featureParams, stats(), targetMean, trainingRows, training,
                calibration, prior);
    }

    @Override
    public ModelData snapshot() {
        return new ModelData(ModelData.CLASSIFIER, params, target, labels, featureData(), targetMean, baseValue,
                trainingRows, calibrationMap(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, penalty);
    }

    @Override
    public ClassifierModel withTrainingData(Table data) {
        return withTrainingData(TrainingData.forClassification(data, target, features), null);
    }

    @Override
    public ClassifierModel withTrainingData(TrainingData data, int[] rows) {
        return withTrainingData(data, rows, (TransparentModel) prior);
    }

    @Override
    public ClassifierModel withTrainingData(TrainingData data, int[] rows, TransparentModel newPrior) {
        Attached a = attach(data, rows, true);
        return new ClassifierModel(params, target, labels, a.models(), targetMean, baseValue, trainingRows, calibration,
                a.view(), penalty, (FittedModel) newPrior);
    }
}
