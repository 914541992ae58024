package partita.model;

import java.nio.file.Path;
import java.util.Random;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Test tables: the real adult data and seeded synthetic tables with every supported column type. */
public final class TestData {

    /** Tests run with basedir = src/; the benchmark from the repository root. */
    public static final Path ADULT = java.nio.file.Files.exists(Path.of("../notebooks/data/adult.csv"))
            ? Path.of("../notebooks/data/adult.csv") : Path.of("notebooks/data/adult.csv");

    /** The feature columns of {@link #mixed}: every column but the id and the two targets. */
    public static final java.util.List<String> MIXED_FEATURES =
            java.util.List.of("age", "income", "score", "ratio", "level", "city", "member");

    private TestData() {
    }

    public static Table adult() {
        return Table.read().csv(ADULT.toFile());
    }

    /**
     * n rows: id (int, not a feature), age (int), income (long), score (double, some missing),
     * ratio (float), level (short), city (text, some missing), member (boolean), target label
     * (text "no"/"yes") depending on all of them, and a numeric target amount.
     */
    public static Table mixed(int n, long seed) {
        Random r = new Random(seed);
        IntColumn id = IntColumn.create("id");
        IntColumn age = IntColumn.create("age");
        LongColumn income = LongColumn.create("income");
        DoubleColumn score = DoubleColumn.create("score");
        FloatColumn ratio = FloatColumn.create("ratio");
        ShortColumn level = ShortColumn.create("level");
        StringColumn city = StringColumn.create("city");
        BooleanColumn member = BooleanColumn.create("member");
        StringColumn label = StringColumn.create("label");
        DoubleColumn amount = DoubleColumn.create("amount");
        String[] cities = {"Oslo", "Lima", "Pune", "Kyiv", "Rome"};
        for (int i = 0; i < n; i++) {
            int a = 18 + r.nextInt(60);
            long inc = 1000L * (10 + r.nextInt(90));
            double s = r.nextGaussian();
            float q = r.nextFloat();
            short lv = (short) r.nextInt(5);
            int c = r.nextInt(cities.length);
            boolean m = r.nextBoolean();
            double z = 0.04 * (a - 45) + inc / 50000.0 - 1 + (i % 7 == 0 ? 0 : s) + 0.5 * c - (m ? 0.7 : 0) + lv * 0.2;
            id.append(i);
            age.append(a);
            income.append(inc);
            if (i % 11 == 0) {
                score.appendMissing();
            } else {
                score.append(s);
            }
            ratio.append(q);
            level.append(lv);
            if (i % 13 == 0) {
                city.appendMissing();
            } else {
                city.append(cities[c]);
            }
            member.append(m);
            label.append(z + r.nextGaussian() > 0.5 ? "yes" : "no");
            amount.append(10 + 3 * z + r.nextGaussian());
        }
        return Table.create("mixed", id, age, income, score, ratio, level, city, member, label, amount);
    }

    /** cars with the six numeric features of the parity fixture (Year as its year), rows without mpg dropped. */
    public static Table cars() {
        Path p = java.nio.file.Files.exists(Path.of("../notebooks/data/cars.json")) ? Path.of("../notebooks/data/cars.json")
                : Path.of("notebooks/data/cars.json");
        Table raw = partita.data.JsonTables.read(p);
        Table t = raw.where(raw.numberColumn("Miles_per_Gallon").isNotMissing());
        IntColumn year = IntColumn.create("Year");
        for (int i = 0; i < t.rowCount(); i++) {
            year.append(Integer.parseInt(String.valueOf(t.column("Year").get(i)).substring(0, 4)));
        }
        Table out = t.selectColumns("Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration");
        out.addColumns(year, t.doubleColumn("Miles_per_Gallon"));
        return out;
    }
}
