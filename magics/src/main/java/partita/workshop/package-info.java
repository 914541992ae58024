/**
 * Check cells for the workshop notebook: {@code Check.that(...)} answers "Correct" or fails
 * the cell with a hint.
 */
package partita.workshop;
