package partita.magics;

import java.util.List;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code %columns data=}: a table's columns with their types and missing counts; binds the names. */
final class ColumnsMagic extends PartitaMagic {

    ColumnsMagic() {
        super(MagicSpec.builder("columns", "Lists the columns of a table (name, type, missing values) and binds their names.")
                .key(Key.table("data", "a notebook variable holding a Table, or a CSV path").required())
                .key(Key.binding("columns"))
                .example("%columns data=adult")
                .example("%columns data=data/adult.csv as=names")
                .build());
    }

    @Override
    protected Output run(MagicCall call) {
        Table table = call.table("data");
        List<String> names = table.columnNames();
        String bound = call.bind(names, "java.util.List<String>");

        StringBuilder text = new StringBuilder(table.name() + ": " + table.rowCount() + " rows, "
                + names.size() + " columns (names bound to " + bound + ")\n");
        StringBuilder html = new StringBuilder("<div class=\"partita-columns\"><p>" + Html.escape(table.name()) + ": "
                + table.rowCount() + " rows, " + names.size() + " columns (names bound to <code>" + Html.escape(bound)
                + "</code>)</p><table><thead><tr><th style=\"text-align:left\">column</th><th style=\"text-align:left\">type</th>"
                + "<th>missing</th></tr></thead><tbody>");
        for (Column<?> column : table.columns()) {
            text.append("  ").append(column.name()).append("  ").append(column.type().name())
                    .append("  ").append(column.countMissing()).append(" missing\n");
            html.append("<tr><td style=\"text-align:left\">").append(Html.escape(column.name()))
                    .append("</td><td style=\"text-align:left\">").append(column.type().name())
                    .append("</td><td>").append(column.countMissing()).append("</td></tr>");
        }
        html.append("</tbody></table></div>");
        return Output.of(text.toString(), html.toString());
    }
}
