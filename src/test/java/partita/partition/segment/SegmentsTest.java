package partita.partition.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import partita.PartitaException;
import partita.partition.Data;
import partita.partition.Partition;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Segment keys, levels, derived segments, value mappings and the segment analysis, on real data. */
public class SegmentsTest {

    private static Map<String, Integer> sizes(PartitionSpec spec, Table data) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        Segmentation.of(spec, data).groups(null).forEach((k, rows) -> out.put(k.name(), rows.length));
        return out;
    }

    @Test
    void keysKeepTheirType() {
        SegmentKey number = SegmentKey.of(1);
        SegmentKey text = SegmentKey.of("1");
        assertNotEquals(number, text);
        assertEquals("1", number.name());
        assertEquals("\"1\"", text.name());
        assertEquals(SegmentKey.of(1L), SegmentKey.of(1.0), "an int column's 1 and a double column's 1.0 are one segment");
        assertEquals(Double.class, SegmentKey.of(1.5).value(0).getClass());
        assertEquals("true", SegmentKey.of(true).name());
        assertEquals("\"true\"", SegmentKey.of("true").name());
        assertEquals("(missing)", SegmentKey.of((Object) null).name());
        assertEquals("\"(missing)\"", SegmentKey.of("(missing)").name());
        assertEquals("__dataset__", SegmentKey.DATASET.name());
        assertEquals("Europe > 4", SegmentKey.of("Europe", 4).name());
        assertEquals("\"a > b\"", SegmentKey.of("a > b").name());
        assertEquals(">50K", SegmentKey.of(">50K").name());
        assertEquals(SegmentKey.of("Europe"), SegmentKey.of("Europe", 4).parent());
        assertTrue(SegmentKey.of("Europe").parent().isDataset());
        // numbers, booleans, text, missing; a parent before its children
        List<SegmentKey> sorted = new java.util.ArrayList<>(List.of(SegmentKey.of((Object) null), SegmentKey.of("a"),
                SegmentKey.of(true), SegmentKey.of(10), SegmentKey.of(2), SegmentKey.of("a", 1), SegmentKey.DATASET));
        java.util.Collections.sort(sorted);
        assertEquals("[__dataset__, 2, 10, true, a, a > 1, (missing)]", sorted.toString());
    }

    @Test
    void derivedDateSegments() {
        LocalDate sunday = LocalDate.of(2024, 3, 31);
        assertEquals("spring", Derivation.SEASON.of(sunday));
        assertEquals("Mar", Derivation.MONTH.of(sunday));
        assertEquals("Q1", Derivation.QUARTER.of(sunday));
        assertEquals("Sun", Derivation.WEEKDAY.of(sunday));
        assertEquals("weekend", Derivation.WEEKEND.of(sunday));
        LocalDate friday = LocalDate.of(2023, 12, 1);
        assertEquals("winter", Derivation.SEASON.of(friday));
        assertEquals("Q4", Derivation.QUARTER.of(friday));
        assertEquals("workday", Derivation.WEEKEND.of(friday));
        assertEquals("winter", Derivation.SEASON.of(LocalDate.of(2023, 2, 28)));
        assertEquals("summer", Derivation.SEASON.of(LocalDate.of(2023, 8, 31)));
        assertEquals("autumn", Derivation.SEASON.of(LocalDate.of(2023, 9, 1)));

        // a year of days: derived segments in calendar order, with the right sizes
        Table t = Table.create("days", DateColumn.create("day"), IntColumn.create("y"));
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.getYear() == 2023; d = d.plusDays(1)) {
            t.dateColumn("day").append(d);
            t.intColumn("y").append(d.getDayOfMonth() % 2);
        }
        assertEquals(List.of("__dataset__", "winter", "spring", "summer", "autumn"),
                List.copyOf(sizes(PartitionSpec.of(Level.derived(Derivation.SEASON, "day")), t).keySet()));
        assertEquals(Map.of("__dataset__", 365, "workday", 260, "weekend", 105),
                sizes(PartitionSpec.of(Level.derived(Derivation.WEEKEND, "day")), t));
        Map<String, Integer> months = sizes(PartitionSpec.of(Level.derived(Derivation.MONTH, "day")), t);
        assertEquals(List.of("__dataset__", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                "Nov", "Dec"), List.copyOf(months.keySet()));
        assertEquals(28, months.get("Feb"));
        assertEquals(Map.of("__dataset__", 365, "Q1", 90, "Q2", 91, "Q3", 92, "Q4", 92),
                sizes(PartitionSpec.of(Level.derived(Derivation.QUARTER, "day")), t));
        assertEquals(52, sizes(PartitionSpec.of(Level.derived(Derivation.WEEKDAY, "day")), t).get("Mon"));
        assertEquals("season(day)", Level.derived(Derivation.SEASON, "day").name());

        // ISO text dates work too; cars' Year (read as a date column) is 1 January of each year
        Table text = Table.create("t", StringColumn.create("when", "2024-07-01", "2024-01-05T10:00", "2024-04-02 08:00"));
        assertEquals(List.of("__dataset__", "Q1", "Q2", "Q3"),
                List.copyOf(sizes(PartitionSpec.of(Level.derived(Derivation.QUARTER, "when")), text).keySet()));
        assertEquals(Map.of("__dataset__", 406, "winter", 406), sizes(PartitionSpec.of(Level.derived(Derivation.SEASON, "Year")), Data.cars()));
    }

    @Test
    void badDerivationsAreRefused() {
        PartitaException unknown = assertThrows(PartitaException.class, () -> Derivation.parse("seasn"));
        assertTrue(unknown.getMessage().contains("Did you mean: season"), unknown.getMessage());
        Table bad = Table.create("t", StringColumn.create("when", "2024-07-01", "yesterday"));
        PartitaException e = assertThrows(PartitaException.class,
                () -> Segmentation.of(PartitionSpec.of(Level.derived(Derivation.MONTH, "when")), bad));
        assertTrue(e.getMessage().contains("row 1 holds 'yesterday'"), e.getMessage());
        PartitaException numbers = assertThrows(PartitaException.class,
                () -> Segmentation.of(PartitionSpec.of(Level.derived(Derivation.MONTH, "age")), Data.adult()));
        assertTrue(numbers.getMessage().contains("holds number values, not dates"), numbers.getMessage());
        PartitaException dates = assertThrows(PartitaException.class,
                () -> Segmentation.of(PartitionSpec.by("Year"), Data.cars()));
        assertTrue(dates.getMessage().contains("derive=month:Year"), dates.getMessage());
    }

    @Test
    void singleColumnAndHierarchyOnAdult() {
        Map<String, Integer> byRelationship = sizes(PartitionSpec.by("relationship"), Data.adult());
        assertEquals(Map.of("__dataset__", 32561, "Husband", 13193, "Not-in-family", 8305, "Other-relative", 981,
                "Own-child", 5068, "Unmarried", 3446, "Wife", 1568), byRelationship);
        assertEquals(List.of("__dataset__", "Husband", "Not-in-family", "Other-relative", "Own-child", "Unmarried",
                "Wife"), List.copyOf(byRelationship.keySet()));

        Map<String, Integer> hierarchy = sizes(PartitionSpec.by("sex", "race", "relationship"), Data.adult());
        assertEquals(19174, hierarchy.get("Male > White"));
        assertEquals(109, hierarchy.get("Female > Other"));
        assertEquals(21790, hierarchy.get("Male"));
        List<String> order = List.copyOf(hierarchy.keySet());
        assertEquals(List.of("__dataset__", "Female", "Female > Amer-Indian-Eskimo"), order.subList(0, 3));
        assertTrue(order.indexOf("Female > Amer-Indian-Eskimo > Husband") < order.indexOf("Female > Asian-Pac-Islander"),
                "depth-first order");
        int leaves = (int) hierarchy.keySet().stream().filter(n -> n.split(" > ").length == 3).count();
        assertEquals(hierarchy.get("__dataset__"), hierarchy.entrySet().stream()
                .filter(e -> e.getKey().split(" > ").length == 3).mapToInt(Map.Entry::getValue).sum());
        assertTrue(leaves > 20, "about 2 x 5 x 6 deepest segments, got " + leaves);
    }

    @Test
    void unknownPartitionColumnNamesCloseMatches() {
        PartitaException e = assertThrows(PartitaException.class,
                () -> Segmentation.of(PartitionSpec.by("relationshp"), Data.adult()));
        assertTrue(e.getMessage().startsWith("Unknown partition column 'relationshp'. Did you mean: relationship?"),
                e.getMessage());
    }

    @Test
    void missingSegmentValuesFormTheirOwnSegment() {
        Map<String, Integer> byWorkclass = sizes(PartitionSpec.by("workclass"), Data.adultWithMissing());
        assertEquals(1836, byWorkclass.get("(missing)"));
        assertEquals("(missing)", List.copyOf(byWorkclass.keySet()).get(byWorkclass.size() - 1), "missing sorts last");
        assertFalse(byWorkclass.containsKey("?"));
        assertEquals(1836, sizes(PartitionSpec.by("workclass"), Data.adult()).get("?"), "'?' as text is a value");
    }

    @Test
    void valueMappingWithCatchAllOnAdultCountries() {
        ValueMapping regions = mapping("Other",
                "North America", List.of("United-States", "Canada", "Outlying-US(Guam-USVI-etc)"),
                "Latin America", List.of("Mexico", "Puerto-Rico", "Cuba", "El-Salvador", "Dominican-Republic", "Jamaica",
                        "Guatemala"),
                "Asia", List.of("Philippines", "India", "China", "Japan", "Vietnam", "Taiwan", "Hong"));
        assertEquals(List.of("North America", "Latin America", "Asia"), List.copyOf(regions.groups().keySet()));
        assertEquals("Other", regions.catchAll());
        Map<String, Integer> sizes = sizes(PartitionSpec.by("native_country").map("native_country", regions),
                Data.adultWithMissing());
        assertEquals(List.of("__dataset__", "North America", "Latin America", "Asia", "Other", "(missing)"),
                List.copyOf(sizes.keySet()), "groups in declared order, catch-all last, missing stays missing");
        assertEquals(583, sizes.get("(missing)"));
        assertEquals(32561, sizes.values().stream().mapToInt(Integer::intValue).sum() - 32561);
    }

    @Test
    void mappingKeepsTypesSoOneAndQuotedOneDiffer() {
        // cars' Cylinders is an int column: group "4" (text) gathers 3 and 5 cylinders, the number 4 stays itself
        PartitionSpec spec = PartitionSpec.by("Cylinders").map("Cylinders", mapping(null, "4", List.of("3", "5")));
        Map<String, Integer> sizes = sizes(spec, Data.cars());
        assertEquals(Map.of("__dataset__", 406, "\"4\"", 7, "4", 207, "6", 84, "8", 108), sizes);
        assertEquals(List.of("__dataset__", "\"4\"", "4", "6", "8"), List.copyOf(sizes.keySet()), "group first");
        PartitaException e = assertThrows(PartitaException.class, () -> Segmentation.of(
                PartitionSpec.by("Cylinders").map("Cylinders", mapping(null, "Big", List.of("6", "eight"))), Data.cars()));
        assertTrue(e.getMessage().contains("value 'eight' of group 'Big'") && e.getMessage().contains("not a number"),
                e.getMessage());
        PartitaException month = assertThrows(PartitaException.class, () -> Segmentation.of(
                PartitionSpec.of(Level.derived(Derivation.MONTH, "Year")).map("month(Year)", mapping(null, "Holidays", List.of("Dec", "Jann"))),
                Data.cars()));
        assertTrue(month.getMessage().contains("Did you mean: Jan"), month.getMessage());
    }

    @Test
    void badMappingsAreRefused() {
        assertTrue(assertThrows(PartitaException.class, () -> mapping(null, "A", List.of("x", "y"), "B", List.of("y")))
                .getMessage().contains("Value 'y' is listed in group 'A' and again in group 'B'"));
        assertTrue(assertThrows(PartitaException.class, () -> mapping(null))
                .getMessage().contains("mapping is empty"));
        ValueMapping onlyCatchAll = mapping("Everything");
        assertNull(onlyCatchAll.apply(Map.of(), null));
        assertEquals("Everything", onlyCatchAll.apply(Map.of(), 3L));
    }

    @Test
    void typeChangeOfAPartitionColumnIsRefused() {
        Segmentation trained = Segmentation.of(PartitionSpec.by("Cylinders"), Data.cars());
        Table asText = Data.cars();
        asText.replaceColumn("Cylinders", asText.intColumn("Cylinders").asStringColumn().setName("Cylinders"));
        Segmentation scoring = Segmentation.of(PartitionSpec.by("Cylinders"), asText);
        PartitaException e = assertThrows(PartitaException.class, () -> scoring.requireSources(trained.sources()));
        assertTrue(e.getMessage().contains("holds text values here but held number values in training"), e.getMessage());
    }

    @Test
    void analysisTableOnAdultByRelationship() {
        Table t = Partition.of(Data.adult(), "income", PartitionSpec.by("relationship").minSize(1000)).analysis().table();
        assertEquals(List.of("segment", "level", "rows", "share", "missing_target", "target_mean", "target_std",
                "status"), t.columnNames());
        assertEquals(7, t.rowCount());
        assertEquals("__dataset__", t.stringColumn("segment").get(0));
        assertEquals(7841.0 / 32561, t.doubleColumn("target_mean").get(0), 1e-12);
        int husband = t.stringColumn("segment").indexOf("Husband");
        assertEquals(13193, t.intColumn("rows").get(husband));
        assertEquals(13193.0 / 32561, t.doubleColumn("share").get(husband), 1e-12);
        double p = 5918.0 / 13193;
        assertEquals(p, t.doubleColumn("target_mean").get(husband), 1e-12);
        assertEquals(Math.sqrt(p * (1 - p)), t.doubleColumn("target_std").get(husband), 1e-12);
        int other = t.stringColumn("segment").indexOf("Other-relative");
        assertEquals("too-small", t.stringColumn("status").get(other), "981 rows < 1000");
        assertEquals("would-train", t.stringColumn("status").get(husband));

        // penguins' Sex has a junk label '.': refused with the labels named; read as missing it counts as such
        PartitaException three = assertThrows(PartitaException.class,
                () -> Partition.of(Data.penguins(), "Sex", PartitionSpec.by("Island")).analysis());
        assertTrue(three.getMessage().contains("3 distinct label(s) [MALE, FEMALE, .]"), three.getMessage());
        Table penguins = Partition.of(Data.penguinsClean(), "Sex", PartitionSpec.by("Island")).analysis().table();
        assertEquals(11, penguins.intColumn("missing_target").get(0));
        assertEquals(List.of(344, 168, 124, 52), penguins.intColumn("rows").asList());
        assertEquals(List.of(11, 5, 1, 5), penguins.intColumn("missing_target").asList());
    }

    /** A value mapping from group, values, group, values, ... (declaration order kept). */
    public static ValueMapping mapping(String catchAll, Object... groupsAndValues) {
        Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < groupsAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) groupsAndValues[i + 1];
            groups.put((String) groupsAndValues[i], values);
        }
        return new ValueMapping(groups, catchAll);
    }
}
