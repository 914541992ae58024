package partita.model;

import java.util.List;

/**
 * A row's score taken apart: baseValue plus one contribution per feature (in feature order)
 * adds up to score exactly, with the same summation order as prediction.
 *
 * @param proba the calibrated probability (classifier) or NaN (regressor)
 */
public record Explanation(double baseValue, List<Contribution> contributions, double score, double proba) {

    public Explanation {
        contributions = List.copyOf(contributions);
    }
}
