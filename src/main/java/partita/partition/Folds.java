package partita.partition;

import java.util.SplittableRandom;
import partita.PartitaException;

/** Seeded k-fold assignment for cross-validation: the same seed deals the same folds. */
final class Folds {

    private Folds() {
    }

    /** The fold (0 to folds - 1) of each of n rows: rows shuffled with the seed, then dealt in turn. */
    static int[] deal(int n, int folds, long seed) {
        if (folds < 2 || folds > n) {
            throw new PartitaException("folds=" + folds + " is out of range: cross-validation needs between 2 and "
                    + n + " (the rows with a target) folds; 5 or 10 is usual.");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % folds;
        }
        return fold;
    }
}
