package partita.eval;

/**
 * A model's predictions on labelled rows, as every {@link Metric} reads them.
 *
 * @param truth  the target per row (0/1 for a classifier)
 * @param values the calibrated probability of the positive label (classifier) or the clipped
 *               prediction (regressor)
 */
public record Predictions(double[] truth, double[] values) {

    public Predictions {
        if (truth.length != values.length) {
            throw new IllegalArgumentException("one truth and one value per row");
        }
    }

    public int rows() {
        return truth.length;
    }

    /** The given positions only, in their order. */
    public Predictions subset(int[] positions) {
        return new Predictions(pick(truth, positions), pick(values, positions));
    }

    /** {@code values[rows[i]]} for every i. */
    public static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
