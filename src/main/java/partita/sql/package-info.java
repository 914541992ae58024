/**
 * Scoring in SQL: a fitted model (single or partitioned) written as one {@code SELECT} that
 * gives, per row, the same score and probability or prediction as the engine's
 * {@code predictScore}/{@code predictProba}/{@code predict}, for DuckDB and PostgreSQL.
 * Depends on {@code partita.model} and {@code partita.partition} (top layer, beside
 * {@code partita.io}); it produces a String and needs no JDBC driver.
 */
package partita.sql;
