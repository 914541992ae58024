package partita.magics.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A tablesaw {@link Table} as an html table (escaped, numbers right-aligned with fixed
 * significant digits, missing values as {@link Numbers#MISSING}, marked rows and cells) and
 * as aligned text, both cut after {@link #maxRows(int)} rows with "… N more rows".
 * Immutable: every setter returns a new view.
 *
 * <pre>{@code
 * Rendered out = TableView.of(table).caption("Segments").markRow(3, Highlight.ALERT).render();
 * }</pre>
 */
public final class TableView {

    /** Rows shown unless {@link #maxRows(int)} says otherwise. */
    public static final int DEFAULT_MAX_ROWS = 30;

    private static final int TEXT_CELL_WIDTH = 40;

    private final Table table;
    private final String caption;
    private final String note;
    private final int maxRows;
    private final int digits;
    private final Map<Integer, Highlight> rowMarks;
    private final Map<Cell, Highlight> cellMarks;

    private record Cell(int row, int column) {
    }

    private TableView(Table table, String caption, String note, int maxRows, int digits,
                      Map<Integer, Highlight> rowMarks, Map<Cell, Highlight> cellMarks) {
        this.table = table;
        this.caption = caption;
        this.note = note;
        this.maxRows = maxRows;
        this.digits = digits;
        this.rowMarks = Map.copyOf(rowMarks);
        this.cellMarks = Map.copyOf(cellMarks);
    }

    public static TableView of(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        return new TableView(table, null, null, DEFAULT_MAX_ROWS, Numbers.DEFAULT_DIGITS, Map.of(), Map.of());
    }

    /** A title shown above the table ({@code <caption>} in html, first line in text). */
    public TableView caption(String caption) {
        return new TableView(table, caption, note, maxRows, digits, rowMarks, cellMarks);
    }

    /** A short remark shown under the table, e.g. what the highlights mean. */
    public TableView note(String note) {
        return new TableView(table, caption, note, maxRows, digits, rowMarks, cellMarks);
    }

    public TableView maxRows(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        return new TableView(table, caption, note, maxRows, digits, rowMarks, cellMarks);
    }

    /** Significant digits of non-integer numbers (default {@value Numbers#DEFAULT_DIGITS}). */
    public TableView digits(int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be in [1, 17], got " + digits);
        }
        return new TableView(table, caption, note, maxRows, digits, rowMarks, cellMarks);
    }

    public TableView markRow(int row, Highlight mark) {
        checkRow(row);
        Map<Integer, Highlight> marks = new LinkedHashMap<>(rowMarks);
        marks.put(row, mark);
        return new TableView(table, caption, note, maxRows, digits, marks, cellMarks);
    }

    /** Marks every row whose index passes {@code rows}. */
    public TableView markRows(IntPredicate rows, Highlight mark) {
        Map<Integer, Highlight> marks = new LinkedHashMap<>(rowMarks);
        for (int r = 0; r < table.rowCount(); r++) {
            if (rows.test(r)) {
                marks.put(r, mark);
            }
        }
        return new TableView(table, caption, note, maxRows, digits, marks, cellMarks);
    }

    public TableView markCell(int row, String column, Highlight mark) {
        checkRow(row);
        if (!table.containsColumn(column)) {
            throw new IllegalArgumentException("no column '" + column + "' in table; columns: "
                    + table.columnNames());
        }
        Map<Cell, Highlight> marks = new LinkedHashMap<>(cellMarks);
        marks.put(new Cell(row, table.columnIndex(column)), mark);
        return new TableView(table, caption, note, maxRows, digits, rowMarks, marks);
    }

    public Rendered render() {
        return new Rendered(text(), Html.block(htmlTable()));
    }

    /** The html table alone (no stylesheet), for embedding in a larger Partita block. */
    String htmlTable() {
        List<Formatted> columns = formatColumns();
        StringBuilder out = new StringBuilder("<table class=\"partita-table\">\n");
        if (caption != null) {
            out.append("<caption>").append(Html.escape(caption)).append("</caption>\n");
        }
        out.append("<thead><tr>");
        for (Formatted c : columns) {
            out.append(c.numeric ? "<th class=\"partita-num\">" : "<th>").append(Html.escape(c.name)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        int shown = shownRows();
        for (int r = 0; r < shown; r++) {
            Highlight rowMark = rowMarks.get(r);
            out.append(rowMark == null ? "<tr>" : "<tr class=\"" + rowMark.cssClass() + "\">");
            for (int c = 0; c < columns.size(); c++) {
                Formatted column = columns.get(c);
                List<String> classes = new ArrayList<>(3);
                if (column.numeric) {
                    classes.add("partita-num");
                }
                if (column.missing[r]) {
                    classes.add("partita-na");
                }
                Highlight cellMark = cellMarks.get(new Cell(r, c));
                if (cellMark != null) {
                    classes.add(cellMark.cssClass());
                }
                out.append(classes.isEmpty() ? "<td>" : "<td class=\"" + String.join(" ", classes) + "\">")
                        .append(Html.escape(column.cells[r])).append("</td>");
            }
            out.append("</tr>\n");
        }
        if (shown < table.rowCount()) {
            out.append("<tr class=\"partita-more\"><td colspan=\"").append(Math.max(1, columns.size()))
                    .append("\">").append(moreRows()).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (note != null) {
            out.append("<div class=\"partita-note\">").append(Html.escape(note)).append("</div>\n");
        }
        return out.toString();
    }

    /** Aligned columns: text left, numbers right; marks as symbols after cells and tags after rows. */
    public String text() {
        List<Formatted> columns = formatColumns();
        int shown = shownRows();
        String[][] cells = new String[shown][columns.size()];
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).name.length();
            for (int r = 0; r < shown; r++) {
                Highlight mark = cellMarks.get(new Cell(r, c));
                String cell = shorten(columns.get(c).cells[r]) + (mark == null ? "" : mark.symbol());
                cells[r][c] = cell;
                widths[c] = Math.max(widths[c], cell.length());
            }
        }
        StringBuilder out = new StringBuilder();
        if (caption != null) {
            out.append(caption).append('\n');
        }
        String[] header = columns.stream().map(Formatted::name).toArray(String[]::new);
        appendLine(out, header, widths, columns, null);
        String[] rule = new String[columns.size()];
        for (int c = 0; c < rule.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        appendLine(out, rule, widths, columns, null);
        for (int r = 0; r < shown; r++) {
            appendLine(out, cells[r], widths, columns, rowMarks.get(r));
        }
        if (shown < table.rowCount()) {
            out.append(moreRows()).append('\n');
        }
        if (note != null) {
            out.append(note).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static void appendLine(StringBuilder out, String[] cells, int[] widths, List<Formatted> columns,
                                   Highlight rowMark) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(widths[c] - cells[c].length());
            line.append(columns.get(c).numeric ? pad + cells[c] : cells[c] + pad);
        }
        if (rowMark != null && !rowMark.tag().isEmpty()) {
            line.append("  ").append(rowMark.tag());
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String shorten(String s) {
        String flat = s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return flat.length() <= TEXT_CELL_WIDTH ? flat : flat.substring(0, TEXT_CELL_WIDTH - 1) + "…";
    }

    private String moreRows() {
        int more = table.rowCount() - shownRows();
        return "… " + more + (more == 1 ? " more row" : " more rows");
    }

    private int shownRows() {
        return Math.min(maxRows, table.rowCount());
    }

    private void checkRow(int row) {
        if (row < 0 || row >= table.rowCount()) {
            throw new IllegalArgumentException("row " + row + " is outside the table's " + table.rowCount() + " rows");
        }
    }

    /** A column's shown cells, formatted once for both renditions. */
    private record Formatted(String name, boolean numeric, String[] cells, boolean[] missing) {
    }

    private List<Formatted> formatColumns() {
        int shown = shownRows();
        List<Formatted> out = new ArrayList<>(table.columnCount());
        for (Column<?> column : table.columns()) {
            String[] cells = new String[shown];
            boolean[] missing = new boolean[shown];
            boolean numeric = column instanceof NumericColumn<?>;
            boolean whole = numeric && isWholeColumn(column);
            double noise = numeric && !whole ? NOISE * largest((NumericColumn<?>) column) : 0;
            for (int r = 0; r < shown; r++) {
                missing[r] = column.isMissing(r);
                if (missing[r]) {
                    cells[r] = Numbers.MISSING;
                } else if (numeric) {
                    double x = ((NumericColumn<?>) column).getDouble(r);
                    cells[r] = whole ? Numbers.integer(x) : Numbers.format(Math.abs(x) < noise ? 0 : x, digits);
                    missing[r] = Double.isNaN(x);
                } else {
                    cells[r] = column.getString(r);
                }
            }
            out.add(new Formatted(column.name(), numeric, cells, missing));
        }
        return out;
    }

    /**
     * Below this share of its column's largest magnitude a value is rounding noise (a leaf mean of
     * -1.4e-16 for a 0/1 target, an importance of 6e-08 next to 0.3) and reads 0.
     */
    static final double NOISE = 1e-6;

    private static double largest(NumericColumn<?> column) {
        double max = 0;
        for (int r = 0; r < column.size(); r++) {
            double x = column.getDouble(r);
            if (Double.isFinite(x)) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return max;
    }

    /** Integer columns, and floating columns whose every value is whole, print as integers. */
    private static boolean isWholeColumn(Column<?> column) {
        if (!(column instanceof DoubleColumn) && !(column instanceof FloatColumn)) {
            return true;
        }
        NumericColumn<?> numbers = (NumericColumn<?>) column;
        boolean any = false;
        for (int r = 0; r < numbers.size(); r++) {
            if (numbers.isMissing(r)) {
                continue;
            }
            double x = numbers.getDouble(r);
            if (Double.isNaN(x)) {
                continue;
            }
            if (!Numbers.isWhole(x)) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
