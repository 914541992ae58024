package partita.workshop;

/**
 * The workshop's check cells: {@code Check.that("Exercise 1", condition, hint)} answers
 * "Correct" or fails the cell with the hint, so a learner sees at once whether an answer is
 * right and a solutions notebook run in CI fails when an answer stops being right.
 */
public final class Check {

    private Check() {
    }

    /** Thrown by a failed check; its message is what the learner reads. */
    public static final class NotYet extends RuntimeException {
        NotYet(String message) {
            super(message);
        }
    }

    public static String that(String exercise, boolean correct, String hint) {
        if (!correct) {
            throw new NotYet(exercise + ": not yet. Hint: " + hint + ".");
        }
        return exercise + ": correct.";
    }
}
