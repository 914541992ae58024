package partita.spark;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import partita.PartitaException;
import partita.model.Columns;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows between Spark and tablesaw, so the engine's own code (routing, scoring, training) runs
 * on a chunk of a Spark partition and gives exactly what it gives on the same rows in a
 * notebook. Numbers, text, booleans, dates and timestamps; a missing cell is Spark's null on one
 * side and tablesaw's missing value on the other (the engine's missing-cell rule,
 * {@link Columns#isMissing}, decides which cells are missing).
 */
public final class SparkTables {

    private SparkTables() {
    }

    /** A Dataset with a table's columns and rows (for tests, tutorials and small tables). */
    public static Dataset<Row> toDataset(SparkSession spark, Table table) {
        List<StructField> fields = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            fields.add(DataTypes.createStructField(c.name(), sparkType(c), true));
        }
        List<Row> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] values = new Object[table.columnCount()];
            for (int j = 0; j < values.length; j++) {
                values[j] = sparkValue(table.column(j), r);
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, DataTypes.createStructType(fields));
    }

    /** Spark's type for each tablesaw column type; any other column (text) becomes a string. */
    private static final Map<ColumnType, DataType> SPARK_TYPES = Map.of(ColumnType.INTEGER, DataTypes.IntegerType,
            ColumnType.LONG, DataTypes.LongType, ColumnType.SHORT, DataTypes.ShortType, ColumnType.DOUBLE,
            DataTypes.DoubleType, ColumnType.FLOAT, DataTypes.FloatType, ColumnType.BOOLEAN, DataTypes.BooleanType,
            ColumnType.LOCAL_DATE, DataTypes.DateType, ColumnType.LOCAL_DATE_TIME, DataTypes.TimestampType,
            ColumnType.INSTANT, DataTypes.TimestampType);

    private static DataType sparkType(Column<?> c) {
        return SPARK_TYPES.getOrDefault(c.type(), DataTypes.StringType);
    }

    private static Object sparkValue(Column<?> c, int row) {
        if (Columns.isMissing(c, row)) {
            return null;
        }
        Object v = c.get(row);
        if (v instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (v instanceof LocalDateTime t) {
            return Timestamp.valueOf(t);
        }
        if (v instanceof Instant i) {
            return Timestamp.from(i);
        }
        return c instanceof StringColumn || c instanceof BooleanColumn || v instanceof Number ? v : v.toString();
    }

    /** Rows converted and processed at a time in a partition: bounds the memory of a task. */
    static final int CHUNK = 50_000;

    /** A partition's rows, at most {@link #CHUNK} at a time. */
    static Iterator<List<Row>> chunks(Iterator<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<Row> next() {
                if (!rows.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Row> chunk = new ArrayList<>(CHUNK);
                while (rows.hasNext() && chunk.size() < CHUNK) {
                    chunk.add(rows.next());
                }
                return chunk;
            }
        };
    }

    /** Where each named column is in a schema; an unknown name is an error naming close matches. */
    static int[] indices(StructType schema, List<String> columns, String what) {
        List<String> names = List.of(schema.fieldNames());
        int[] out = new int[columns.size()];
        for (int j = 0; j < out.length; j++) {
            int i = names.indexOf(columns.get(j));
            if (i < 0) {
                throw PartitaException.unknownName(what, columns.get(j), names);
            }
            out[j] = i;
        }
        return out;
    }

    /** The given columns of some rows as a tablesaw Table, in the types the engine reads. */
    static Table toTable(StructType schema, List<String> columns, int[] at, List<Row> rows) {
        Table t = Table.create("spark rows");
        for (int j = 0; j < at.length; j++) {
            StructField f = schema.fields()[at[j]];
            t.addColumns(column(f, columns.get(j), at[j], rows));
        }
        return t;
    }

    private static Column<?> column(StructField f, String name, int i, List<Row> rows) {
        DataType type = f.dataType();
        if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType)) {
            return fill(IntColumn.create(name), rows, i, (c, r) -> c.append(((Number) r.get(i)).intValue()));
        }
        if (type.equals(DataTypes.LongType)) {
            return fill(LongColumn.create(name), rows, i, (c, r) -> c.append(r.getLong(i)));
        }
        if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType) || type instanceof DecimalType) {
            return fill(DoubleColumn.create(name), rows, i, (c, r) -> c.append(((Number) r.get(i)).doubleValue()));
        }
        if (type.equals(DataTypes.BooleanType)) {
            return fill(BooleanColumn.create(name), rows, i, (c, r) -> c.append(r.getBoolean(i)));
        }
        if (type.equals(DataTypes.DateType)) {
            return fill(DateColumn.create(name), rows, i, (c, r) -> c.append(r.get(i) instanceof LocalDate d ? d
                    : ((Date) r.get(i)).toLocalDate()));
        }
        if (type.equals(DataTypes.TimestampType)) {
            return fill(DateTimeColumn.create(name), rows, i, (c, r) -> c.append(r.get(i) instanceof LocalDateTime t ? t
                    : r.get(i) instanceof Instant in ? LocalDateTime.ofInstant(in, ZoneOffset.UTC)
                    : ((Timestamp) r.get(i)).toLocalDateTime()));
        }
        if (type.equals(DataTypes.StringType)) {
            return fill(StringColumn.create(name), rows, i, (c, r) -> c.append(r.getString(i)));
        }
        throw new PartitaException("Column '" + name + "' has Spark type " + type.simpleString() + ", which Partita"
                + " cannot read. Cast it to a number, string, boolean, date or timestamp first.");
    }

    /** Field {@code i} of every row appended to the column: null as missing, anything else by {@code append}. */
    private static <C extends Column<?>> C fill(C column, List<Row> rows, int i, BiConsumer<C, Row> append) {
        for (Row r : rows) {
            if (r.isNullAt(i)) {
                column.appendMissing();
            } else {
                append.accept(column, r);
            }
        }
        return column;
    }
}
