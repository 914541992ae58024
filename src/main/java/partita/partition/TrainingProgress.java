package partita.partition;

/**
 * Reported after each finished segment (trained or failed), in completion order, on the thread
 * that called fit; a notebook draws its progress bar from it.
 *
 * @param done    segments finished so far (including this one)
 * @param total   segments to fit in all
 * @param segment the segment just finished
 */
public record TrainingProgress(int done, int total, Segment segment) {
}
