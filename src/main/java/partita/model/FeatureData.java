package partita.model;

import java.util.List;

/**
 * Everything a fitted model keeps about one feature: its parameters, the split statistics a
 * refit re-grows from, and its scored leaves (missing-value leaf last).
 */
public record FeatureData(String name, Params params, SplitStats stats, List<Leaf> leaves) {

    public FeatureData {
        leaves = List.copyOf(leaves);
    }
}
