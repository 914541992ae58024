/**
 * Table helpers: seeded train/test splits ({@link partita.data.DataSplit}) and reading JSON
 * arrays of flat records (vega-datasets style) into tablesaw tables.
 */
package partita.data;
