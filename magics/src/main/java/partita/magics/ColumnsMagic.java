package partita.magics;

import java.util.List;

import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
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
    protected Rendered run(MagicCall call) {
        Table table = call.table("data");
        List<String> names = table.columnNames();
        String bound = call.bind(names, "java.util.List<String>");
        Table columns = Table.create("columns",
                StringColumn.create("column", names),
                StringColumn.create("type", table.columns().stream().map(c -> c.type().name()).toList()),
                IntColumn.create("missing", table.columns().stream().mapToInt(Column::countMissing).toArray()));
        return Rendered.concat(TableView.of(columns).maxRows(Integer.MAX_VALUE)
                        .caption(table.name() + ": " + table.rowCount() + " rows, " + names.size() + " columns").render(),
                Views.paragraph("Column names bound to " + bound + " (List<String>)."));
    }
}
