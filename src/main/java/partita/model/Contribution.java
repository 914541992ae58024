package partita.model;

/**
 * One feature's part in a row's score.
 *
 * @param feature      the feature
 * @param value        the row's value (Double, String, or null when missing)
 * @param leaf         the leaf the value falls into
 * @param contribution what the feature adds to the score (the leaf's score)
 */
public record Contribution(String feature, Object value, Leaf leaf, double contribution) {
}
