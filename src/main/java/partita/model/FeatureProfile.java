package partita.model;

import java.util.List;

/**
 * A feature's step function: its leaves from lowest to highest value (numeric) or in
 * ascending order of training target mean (categorical), the missing-value leaf last.
 */
public record FeatureProfile(String feature, boolean numeric, List<Leaf> leaves) {

    public FeatureProfile {
        leaves = List.copyOf(leaves);
    }

    /** The missing-value leaf (always the last). */
    public Leaf missingLeaf() {
        return leaves.get(leaves.size() - 1);
    }
}
