package partita.partition;

import java.nio.file.Path;
import java.util.function.IntFunction;
import partita.data.JsonTables;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The real data sets of the project, read once per test JVM (tests never modify them). */
public final class Data {

    public static final Path DIR = Path.of("../notebooks/data");
    private static Table adult;
    private static Table adultMissing;

    private Data() {
    }

    /** UCI adult, 32,561 rows; '?' kept as text. */
    public static synchronized Table adult() {
        if (adult == null) {
            adult = Table.read().usingOptions(CsvReadOptions.builder(DIR.resolve("adult.csv").toFile()));
        }
        return adult;
    }

    /** UCI adult with '?' read as missing (workclass, occupation, native_country). */
    public static synchronized Table adultWithMissing() {
        if (adultMissing == null) {
            adultMissing = Table.read().usingOptions(CsvReadOptions.builder(DIR.resolve("adult.csv").toFile())
                    .missingValueIndicator("?"));
        }
        return adultMissing;
    }

    public static Table cars() {
        return JsonTables.read(DIR.resolve("cars.json"));
    }

    /** Palmer penguins as published: Sex is MALE, FEMALE, missing (10 rows) or '.' (1 row). */
    public static Table penguins() {
        return JsonTables.read(DIR.resolve("penguins.json"));
    }

    /** Palmer penguins with the junk Sex value '.' made missing. */
    public static Table penguinsClean() {
        Table t = penguins();
        StringColumn sex = t.stringColumn("Sex");
        return withText(t, "Sex", i -> sex.isMissing(i) || ".".equals(sex.get(i)) ? null : sex.get(i));
    }

    /**
     * A copy of the table whose text column gets new values (null = missing). The column is
     * rebuilt because tablesaw's StringColumn.setMissing does not register as missing in a
     * column that had no missing value yet.
     */
    public static Table withText(Table t, String column, IntFunction<String> value) {
        StringColumn c = StringColumn.create(column);
        for (int i = 0; i < t.rowCount(); i++) {
            String v = value.apply(i);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }
        Table out = t.copy();
        out.replaceColumn(column, c);
        return out;
    }
}
