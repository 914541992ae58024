package partita.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import partita.PartitaException;
import partita.partition.Data;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class JsonTablesTest {

    @Test
    void carsAndPenguinsBecomeTypedTables() {
        Table cars = Data.cars();
        assertEquals("cars.json", cars.name());
        assertEquals(406, cars.rowCount());
        assertEquals(List.of("Name", "Miles_per_Gallon", "Cylinders", "Displacement", "Horsepower", "Weight_in_lbs",
                "Acceleration", "Year", "Origin"), cars.columnNames());
        assertEquals(List.of(ColumnType.STRING, ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.DOUBLE,
                ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.LOCAL_DATE, ColumnType.STRING),
                cars.columns().stream().map(c -> c.type()).toList());
        assertEquals(8, cars.doubleColumn("Miles_per_Gallon").countMissing());
        assertEquals(6, cars.intColumn("Horsepower").countMissing());
        assertEquals(18.0, cars.doubleColumn("Miles_per_Gallon").get(0));
        assertEquals(LocalDate.of(1970, 1, 1), cars.dateColumn("Year").get(0));
        assertEquals("chevrolet chevelle malibu", cars.stringColumn("Name").get(0));

        Table penguins = Data.penguins();
        assertEquals(344, penguins.rowCount());
        assertEquals(ColumnType.DOUBLE, penguins.column("Beak Length (mm)").type());
        assertEquals(ColumnType.INTEGER, penguins.column("Body Mass (g)").type());
        assertEquals(10, penguins.stringColumn("Sex").countMissing());
    }

    @Test
    void mixedMissingAndBadInputs() {
        Table t = JsonTables.parse("""
                [{"a": 1, "b": true, "c": "x", "d": 3000000000},
                 {"a": null, "c": 2, "e": "2024-01-02T10:15:00"},
                 {"b": false}]""", "t");
        assertEquals(List.of("a", "b", "c", "d", "e"), t.columnNames());
        assertEquals(List.of(ColumnType.INTEGER, ColumnType.BOOLEAN, ColumnType.STRING, ColumnType.LONG,
                ColumnType.LOCAL_DATE_TIME), t.columns().stream().map(c -> c.type()).toList());
        assertEquals(2, t.intColumn("a").countMissing());
        assertEquals("2", t.stringColumn("c").get(1), "a mix of text and numbers is text");
        assertTrue(assertThrows(PartitaException.class, () -> JsonTables.parse("{\"a\": 1}", "x")).getMessage()
                .contains("does not hold a JSON array"));
        assertTrue(assertThrows(PartitaException.class, () -> JsonTables.parse("[{\"a\": [1]}]", "x")).getMessage()
                .contains("nested array"));
        assertTrue(assertThrows(PartitaException.class, () -> JsonTables.parse("[{\"a\": 1}", "x")).getMessage()
                .contains("not valid JSON"));
        assertTrue(assertThrows(PartitaException.class, () -> JsonTables.read(Path.of("no/such.json"))).getMessage()
                .contains("does not exist"));
    }
}
