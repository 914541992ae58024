package partita.model;

/** Raw leaf scores (docs/algorithm.md section 6). */
final class LeafScores {

    private LeafScores() {
    }

    /** Raw score of a leaf with {@code count} rows of target mean {@code mean} out of {@code n}. */
    static double raw(Params p, boolean classifier, int count, double mean, int n, double baseValue) {
        if (count == 0) {
            return 0;
        }
        double diff = mean - baseValue;
        if (!classifier) {
            return Math.signum(diff) * Math.pow(Math.abs(diff), p.tailSensitivity());
        }
        return activation(p, (double) count / n) * diff;
    }

    /**
     * The missing-value leaf: scores 0 when it has no rows or the feature ignores missing
     * values; with no rows its mean is 0 (as the reference reports it).
     */
    static Leaf missingLeaf(Params p, boolean classifier, int count, double mean, int n, double baseValue) {
        double raw = p.ignoreNan() ? 0 : raw(p, classifier, count, mean, n, baseValue);
        return new Leaf(Double.NaN, Double.NaN, null, 0, raw, count == 0 ? 0 : mean, (double) count / n, count, true);
    }

    /** Classifier activation of a leaf holding share f of the rows (f itself with default parameters). */
    static double activation(Params p, double f) {
        double w = p.weight();
        double a = Math.pow(100 * f, w) / Math.pow(10, 2 * w);
        double half = Math.pow(50, p.powerDegree());
        double d = (Math.pow(100 * a - 50, p.powerDegree()) + half) / (2 * half);
        if (p.sigmoidExponent() < 1) {
            return d;
        }
        return 1 / (1 + Math.exp(-(d - 0.5) * Math.pow(10, p.sigmoidExponent())));
    }
}
