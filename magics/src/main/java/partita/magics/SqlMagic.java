package partita.magics;

import partita.model.TransparentModel;
import partita.partition.PartitionedModel;
import partita.magics.render.Rendered;
import partita.sql.SqlDialect;
import partita.sql.SqlScoring;

/** {@code %sql}: shows and binds the SQL query that scores a table where it lives (DuckDB or PostgreSQL). */
final class SqlMagic extends PartitaMagic {

    SqlMagic() {
        super(MagicSpec.builder("sql", "Writes a model (partitioned or single) as one SQL query that scores every row"
                        + " of a database table with the same numbers as Java.")
                .key(ModelArg.key())
                .key(Key.text("table", "the database table to score").required())
                .key(Key.choice("dialect", "the SQL dialect (default duckdb)", "duckdb", "postgres")
                        .defaultValue("duckdb"))
                .key(Key.binding("sql"))
                .example("%sql model=model table=adult_test dialect=postgres as=scoring")
                .build());
    }

    @Override
    protected Rendered run(MagicCall call) throws Exception {
        Object model = ModelArg.resolve(call);
        String table = call.args().text("table");
        SqlDialect dialect = SqlDialect.parse(call.args().text("dialect"));
        String sql = model instanceof PartitionedModel<?> p ? SqlScoring.query(p, table, dialect)
                : SqlScoring.query((TransparentModel) model, table, dialect);
        String name = call.bind(sql, String.class);
        return Rendered.concat(Views.code(sql, "the whole query is in " + name), Views.paragraph(String.format(
                "Bound to %s (%,d characters of %s SQL). Run it with JDBC, or write it to a file:"
                        + " java.nio.file.Files.writeString(java.nio.file.Path.of(\"score.sql\"), %s).", name, sql.length(),
                dialect.name().toLowerCase(java.util.Locale.ROOT), name)));
    }
}
