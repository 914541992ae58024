package partita.partition;

import java.util.List;
import partita.model.Params;
import partita.model.TransparentModel;
import partita.partition.segment.SegmentKey;

/**
 * One segment of a fitted partitioned model and what training made of it.
 *
 * @param key            the segment's path ({@link SegmentKey#DATASET} for {@code __dataset__})
 * @param status         trained, too small, failed or rejected
 * @param reason         why it is not trained, or notes on a trained one (e.g. constant features); "" if none
 * @param rows           training rows of the segment (rows with a target)
 * @param params         parameters used (or that would have been used); null when too small
 * @param features       features of its model (a subset of the partitioned model's features)
 * @param model          the fitted model, null unless trained
 * @param fitMillis      wall time of the fit in milliseconds (0 when not fitted)
 * @param trainingMetric AUC of the scores (classifier) or R² (regressor) on its training rows; NaN if not trained
 * @param reference      distribution of its scores on the training rows it serves under routing (all its
 *                       training rows if it serves none), for drift (PSI); null if unknown
 */
public record Segment(SegmentKey key, SegmentStatus status, String reason, int rows, Params params,
                      List<String> features, TransparentModel model, long fitMillis, double trainingMetric,
                      ScoreReference reference) {

    public Segment {
        features = features == null ? List.of() : List.copyOf(features);
        reason = reason == null ? "" : reason;
    }

    /** Display name (see {@link SegmentKey#name()}). */
    public String name() {
        return key.name();
    }

    /** Depth in the hierarchy: 0 for {@code __dataset__}, 1 for the outermost level... */
    public int level() {
        return key.depth();
    }

    public boolean trained() {
        return status == SegmentStatus.TRAINED;
    }

    /** Leaves of its model (0 when it has none). */
    public int leaves() {
        return model == null ? 0 : model.leafCount();
    }

    Segment withModel(TransparentModel m, Params p, double metric, ScoreReference ref) {
        return new Segment(key, status, reason, rows, p, features, m, fitMillis, metric, ref);
    }
}
