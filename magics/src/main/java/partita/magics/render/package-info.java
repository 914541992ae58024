/**
 * What a notebook shows: tables ({@link partita.magics.render.TableView}), charts
 * ({@link partita.magics.render.Charts}: plotly.js where scripts run, a static SVG image where
 * they do not, a text table always), progress bars and notes, each as text/plain and
 * text/html. {@link partita.magics.render.PlotlyBundle} decides how a page gets plotly.js.
 * Depends on tablesaw and Jackson only, not on the engine.
 */
package partita.magics.render;
