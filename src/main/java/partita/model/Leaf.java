package partita.model;

/**
 * One step of a feature's step function (docs/algorithm.md section 1).
 *
 * @param lower    numeric leaf: exclusive lower bound (-inf for the first); NaN otherwise
 * @param upper    numeric leaf: inclusive upper bound (+inf for the last); NaN otherwise
 * @param category categorical leaf: the category text; null otherwise
 * @param score    the normalised contribution a row in this leaf adds to the score
 * @param rawScore the un-normalised score
 * @param mean     target mean of the training rows in the leaf (NaN when it has none)
 * @param freq     share of all training rows in the leaf
 * @param count    number of training rows in the leaf
 * @param missing  true for the leaf of missing (and unseen) values
 */
public record Leaf(double lower, double upper, String category, double score, double rawScore, double mean,
                   double freq, int count, boolean missing) {

    /** Human-readable description of what falls in this leaf: "(34.5, 36]", "typical", "missing". */
    public String describe() {
        if (missing) {
            return "missing";
        }
        if (category != null) {
            return category;
        }
        return "(" + bound(lower) + ", " + bound(upper) + "]";
    }

    private static String bound(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    Leaf withScore(double newScore) {
        return new Leaf(lower, upper, category, newScore, rawScore, mean, freq, count, missing);
    }
}
