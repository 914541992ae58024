package partita.partition;

/** Fits done out of fits planned, over all runs of a job (guard pass + final pass), for progress. */
final class FitCounter {
    int done;
    int total;
}
