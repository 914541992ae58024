package partita.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import partita.PartitaException;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/** One feature of a fitted model: its parameters, kept split statistics and scored leaves. */
final class FeatureModel {

    final String name;
    final Params params;
    final SplitStats stats;
    final List<Leaf> leaves;
    private final double[] scores;
    private final double[] uppers;
    private final Map<String, Integer> categoryLeaf;

    FeatureModel(String name, Params params, SplitStats stats, List<Leaf> leaves) {
        this.name = name;
        this.params = params;
        this.stats = stats;
        this.leaves = List.copyOf(leaves);
        int k = leaves.size() - 1; // the missing leaf is last
        scores = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            scores[i] = leaves.get(i).score();
        }
        if (numeric()) {
            uppers = new double[k];
            for (int i = 0; i < k; i++) {
                uppers[i] = leaves.get(i).upper();
            }
            categoryLeaf = Map.of();
        } else {
            uppers = null;
            categoryLeaf = new HashMap<>();
            for (int i = 0; i < k; i++) {
                categoryLeaf.put(leaves.get(i).category(), i);
            }
        }
    }

    boolean numeric() {
        return stats instanceof SplitStats.Numeric;
    }

    int missingLeaf() {
        return scores.length - 1;
    }

    /** The same feature with new leaf scores (raw scores and everything else kept). */
    FeatureModel withScores(double[] newScores) {
        Leaf[] scored = new Leaf[leaves.size()];
        for (int i = 0; i < scored.length; i++) {
            scored[i] = leaves.get(i).withScore(newScores[i]);
        }
        return new FeatureModel(name, params, stats, List.of(scored));
    }

    double score(int leaf) {
        return scores[leaf];
    }

    /** Leaf scores by leaf index (shared array: read only). */
    double[] scores() {
        return scores;
    }

    /** Numeric lookup: the first leaf whose upper bound is &gt;= v; NaN goes to the missing leaf. */
    int leafOf(double v) {
        if (Double.isNaN(v)) {
            return missingLeaf();
        }
        // branch-free binary search for the first upper >= v (the last upper is +inf)
        int lo = 0;
        int len = uppers.length;
        while (len > 1) {
            int half = len >>> 1;
            lo = uppers[lo + half - 1] < v ? lo + half : lo;
            len -= half;
        }
        return lo;
    }

    /** Categorical lookup: unseen categories and missing values go to the missing leaf. */
    int leafOf(String category) {
        if (category == null) {
            return missingLeaf();
        }
        Integer i = categoryLeaf.get(category);
        return i == null ? missingLeaf() : i;
    }

    /** The leaf of a table cell; the column must be of the feature's kind. */
    int leafOf(Column<?> column, int row) {
        return numeric() ? leafOf(Columns.numericValue(column, row)) : leafOf(Columns.text(column, row));
    }

    /** Refuses a prediction column whose kind differs from the training column's. */
    void checkColumn(Column<?> column) {
        boolean ok = numeric() ? Columns.isNumeric(column) : Columns.isCategorical(column);
        if (!ok) {
            throw new PartitaException("Column '" + name + "' has type " + column.type().name()
                    + " here, but the model was trained on it as a " + (numeric() ? "numeric" : "text/boolean")
                    + " feature. Convert the column to that kind before predicting.");
        }
    }

    /** Leaf index per code of a prepared training column (codes of training rows map into these leaves). */
    int[] leafOfCodes(TrainingData.PreparedColumn column) {
        int[] out = new int[column.size()];
        if (numeric()) {
            double[] values = column.values(); // ascending: walk the leaves alongside
            int leaf = 0;
            for (int c = 0; c < out.length; c++) {
                while (uppers[leaf] < values[c]) {
                    leaf++;
                }
                out[c] = leaf;
            }
        } else {
            for (int c = 0; c < out.length; c++) {
                out[c] = leafOf(column.categories()[c]);
            }
        }
        return out;
    }

    /** Leaves of the table cells rows[from..to) into out[0..to-from). */
    void leaves(Column<?> column, int[] rows, int from, int to, int[] out) {
        if (numeric()) {
            NumericColumn<?> c = (NumericColumn<?>) column;
            for (int i = from; i < to; i++) {
                out[i - from] = leafOf(c.getDouble(rows[i]));
            }
        } else {
            for (int i = from; i < to; i++) {
                out[i - from] = leafOf(Columns.text(column, rows[i]));
            }
        }
    }

    FeatureProfile profile() {
        return new FeatureProfile(name, numeric(), leaves);
    }

    /** Importance weight (section 9): clamp(1 - sum freq^2, 0, 1) * sum |score|, missing leaf included. */
    double importanceWeight() {
        double sumSq = 0;
        double sumAbs = 0;
        for (Leaf l : leaves) {
            sumSq += l.freq() * l.freq();
            sumAbs += Math.abs(l.score());
        }
        double impurity = Math.min(1, Math.max(0, 1 - sumSq));
        return impurity * sumAbs;
    }
}
