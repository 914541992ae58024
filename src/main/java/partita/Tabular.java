package partita;

import tech.tablesaw.api.Table;

/**
 * A typed result with a table view: what a notebook shows when the result is the value of a
 * cell, and what plain Java can sort, filter or write as CSV. The typed accessors stay the way
 * to read values; the table is for looking and exporting.
 */
public interface Tabular {

    Table table();
}
