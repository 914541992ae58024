package partita.data;

import java.util.SplittableRandom;

import partita.PartitaException;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * A seeded train/test split of a table: the same table, share and seed always give the same
 * rows, so a notebook gives the same numbers on every run (tablesaw's own sampleSplit is not
 * seeded). Both parts keep the original row order.
 */
public record DataSplit(Table train, Table test) {

    /** Puts {@code testShare} of the rows (rounded) into {@code test}, drawn with {@code seed}. */
    public static DataSplit of(Table table, double testShare, long seed) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new PartitaException("The test share is " + testShare
                    + "; it must be between 0 and 1 (e.g. 0.25 keeps a quarter of the rows for testing).");
        }
        int n = table.rowCount();
        int testRows = (int) Math.round(n * testShare);
        if (testRows == 0 || testRows == n) {
            throw new PartitaException("A test share of " + testShare + " of " + n
                    + " rows leaves one side empty; use more rows or a share closer to 0.5.");
        }
        // partial Fisher-Yates: the first testRows positions of a seeded permutation
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        Selection inTest = new BitmapBackedSelection();
        for (int i = 0; i < testRows; i++) {
            int j = i + random.nextInt(n - i);
            int row = order[j];
            order[j] = order[i];
            order[i] = row;
            inTest.add(row);
        }
        return new DataSplit(table.dropWhere(inTest), table.where(inTest));
    }
}
