package partita.partition;

import java.util.Locale;

/** What happened to a segment in training. Only {@link #TRAINED} segments score rows. */
public enum SegmentStatus {
    /** Has its own model. */
    TRAINED,
    /** Fewer rows (with a target) than its level's minimum size; its rows fall back. */
    TOO_SMALL,
    /** Could not be trained (one class, all-missing target, nothing to learn...); its rows fall back. */
    FAILED,
    /** Guarded routing: its model did not beat {@code __dataset__} on held-out rows; its rows fall back. */
    REJECTED;

    /** Lower-case label for tables: trained, too-small, failed, rejected. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
