package partita.partition;

import partita.PartitaException;

/** Training was cancelled between segments (the cancel signal or a thread interrupt); no model was made. */
public final class TrainingCancelledException extends PartitaException {

    TrainingCancelledException(int done, int total) {
        super("Training was cancelled after " + done + " of " + total + " segment fits; no model was produced "
                + "and nothing else changed. Run the training again to get a model.");
    }
}
