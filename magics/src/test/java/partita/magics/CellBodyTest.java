package partita.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import partita.PartitaException;
import partita.partition.segment.ValueMapping;

/** The cell bodies of %%train and %%partition, read with the magic line's tokeniser. */
class CellBodyTest {

    private static final MagicSpec TRAIN = MagicSpec.builder("train", "test")
            .key(Key.integer("max_depth", "depth")).key(Key.number("min_info_gain", "gain"))
            .key(Key.list("features", "features")).build();

    private static List<CellBody.SegmentLine> lines(String body) {
        return CellBody.segmentLines(TRAIN, TRAIN.keys(), List.of(body.split("\n", -1)));
    }

    private static String refused(String body) {
        return assertThrows(PartitaException.class, () -> lines(body)).getMessage();
    }

    @Test
    void segmentLinesTakeTheMagicLineGrammar() {
        List<CellBody.SegmentLine> l = lines("""
                # deeper for husbands, fewer features for wives
                Husband: max_depth=7 min_info_gain=0.001

                Wife: features="Body Mass (g)",age
                Europe > 4: max_depth=3
                """);
        assertEquals(List.of("Husband", "Wife", "Europe > 4"), l.stream().map(CellBody.SegmentLine::segment).toList());
        assertEquals(2, l.get(0).number());
        assertEquals(7, l.get(0).args().integer("max_depth"));
        assertEquals(List.of("Body Mass (g)", "age"), l.get(1).args().list("features"),
                "quotes protect spaces as on a %train line");
        assertEquals(5, l.get(2).number());
    }

    @Test
    void badSegmentLinesNameTheLine() {
        assertTrue(refused("Wife max_depth 3").contains("Start it with the segment name and a colon"));
        assertEquals("Line 3 names segment 'Husband' again (first on line 1). Give each segment one line with all its"
                + " settings.", refused("Husband: max_depth=4\nWife: max_depth=3\nHusband: max_depth=9"));
        String unknown = refused("Wife: max_dept=3");
        assertTrue(unknown.startsWith("Line 1 (Wife): Unknown %train key 'max_dept'. Did you mean: max_depth?"), unknown);
        assertTrue(refused("Wife: max_depth=deep").contains("must be a whole number"));
    }

    private static ValueMapping mapping(String body) {
        return CellBody.valueMapping(List.of(body.split("\n", -1)));
    }

    @Test
    void valueMappingLinesWithCatchAll() {
        ValueMapping regions = mapping("""
                # native_country -> region
                North America: United-States, Canada, Outlying-US(Guam-USVI-etc)
                Asia: Philippines, "Hong, Kong"
                *: Other
                """);
        assertEquals(List.of("North America", "Asia"), List.copyOf(regions.groups().keySet()));
        assertEquals(List.of("Philippines", "Hong, Kong"), regions.groups().get("Asia"));
        assertEquals("Other", regions.catchAll());
        assertEquals(regions, mapping(CellBody.text(regions)), "text form reads back");
        ValueMapping onlyCatchAll = mapping("*: Everything");
        assertTrue(onlyCatchAll.groups().isEmpty());
        assertEquals("Everything", onlyCatchAll.catchAll());
    }

    @Test
    void groupNamesWithColonsAndCommasRoundTrip() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Region: North", List.of("Oslo", "Bergen, Norway"));
        groups.put(" padded ", List.of("x:y"));
        ValueMapping m = new ValueMapping(groups, "Other: rest");
        assertEquals(m, mapping(CellBody.text(m)));
        assertEquals(List.of("Oslo", "Bergen, Norway"), mapping("\"Region: North\": Oslo, \"Bergen, Norway\"")
                .groups().get("Region: North"));
    }

    @Test
    void badMappingsAreRefused() {
        assertTrue(assertThrows(PartitaException.class, () -> mapping("Europe Germany"))
                .getMessage().contains("Line 1 of the value mapping ('Europe Germany') has no ':'"));
        assertTrue(assertThrows(PartitaException.class, () -> mapping("A: x, y\nB: y"))
                .getMessage().contains("Value 'y' is listed in group 'A' and again in group 'B'"));
        assertTrue(assertThrows(PartitaException.class, () -> mapping("*: X\n*: Y"))
                .getMessage().contains("catch-all is written once"));
        assertTrue(assertThrows(PartitaException.class, () -> mapping("A: x,,y"))
                .getMessage().contains("empty value"));
        assertTrue(assertThrows(PartitaException.class, () -> mapping("\n# nothing\n"))
                .getMessage().contains("mapping is empty"));
    }
}
