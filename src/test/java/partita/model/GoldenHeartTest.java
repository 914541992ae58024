package partita.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tech.tablesaw.api.Table;

/**
 * golden_heart.json: the reference fitted on all 303 Heart rows, 6 of them with a missing Ca
 * or Thal. Features without missing values must match exactly; Ca and Thal differ by the
 * documented deviation (missing rows stay out of the split statistics, only in the missing leaf).
 *
 * <p>One known exception: Oldpeak's last node has two mirror-image candidates (3 rows of mean
 * 1 | 5 rows of mean 0.8 at 4.1, and 5 | 3 at 4.3) whose gains are bit-for-bit equal under
 * docs/algorithm.md section 5 with every rounding variant (fma either way, plain), so the first
 * (4.1) wins; the reference took 4.3, most likely through fast-math rounding of the update
 * rule that nothing else in the fixtures shows (on the no-missing fixtures "first strictly
 * largest" and this update rule are confirmed). The test checks the two leaves are exactly
 * that swapped pair.
 */
class GoldenHeartTest {

    /**
     * The 6 rows of the ISLR Heart data (tablesaw data/Heart.csv) that golden_heart_nonan
     * dropped, with their 0-based positions among the 303: Heart.csv rows 88, 167, 193, 267,
     * 288 and 303.
     */
    private static final String MISSING_ROWS = """
            [[87, {"Age":53,"Sex":0,"ChestPain":"nonanginal","RestBP":128,"Chol":216,"Fbs":0,"RestECG":2,"MaxHR":115,"ExAng":0,"Oldpeak":0.0,"Slope":1,"Ca":0.0,"Thal":null,"AHD":"No"}],
             [166, {"Age":52,"Sex":1,"ChestPain":"nonanginal","RestBP":138,"Chol":223,"Fbs":0,"RestECG":0,"MaxHR":169,"ExAng":0,"Oldpeak":0.0,"Slope":1,"Ca":null,"Thal":"normal","AHD":"No"}],
             [192, {"Age":43,"Sex":1,"ChestPain":"asymptomatic","RestBP":132,"Chol":247,"Fbs":1,"RestECG":2,"MaxHR":143,"ExAng":1,"Oldpeak":0.1,"Slope":2,"Ca":null,"Thal":"reversable","AHD":"Yes"}],
             [266, {"Age":52,"Sex":1,"ChestPain":"asymptomatic","RestBP":128,"Chol":204,"Fbs":1,"RestECG":0,"MaxHR":156,"ExAng":1,"Oldpeak":1.0,"Slope":2,"Ca":0.0,"Thal":null,"AHD":"Yes"}],
             [287, {"Age":58,"Sex":1,"ChestPain":"nontypical","RestBP":125,"Chol":220,"Fbs":0,"RestECG":0,"MaxHR":144,"ExAng":0,"Oldpeak":0.4,"Slope":2,"Ca":null,"Thal":"reversable","AHD":"No"}],
             [302, {"Age":38,"Sex":1,"ChestPain":"nonanginal","RestBP":138,"Chol":175,"Fbs":0,"RestECG":0,"MaxHR":173,"ExAng":0,"Oldpeak":0.0,"Slope":1,"Ca":null,"Thal":"normal","AHD":"No"}]]
            """;

    static Table heart303(Fixture full, String paramSet) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode rows = mapper.createArrayNode();
        Fixture.load("golden_heart_nonan.json").json().get("data").forEach(rows::add);
        for (JsonNode insert : mapper.readTree(MISSING_ROWS)) {
            rows.insert(insert.get(0).asInt(), insert.get(1));
        }
        return full.table(rows, paramSet, "AHD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "seeddoc"})
    void otherFeaturesMatchAndMissingValuesStayInTheirLeaf(String paramSet) throws Exception {
        Fixture fx = Fixture.load("golden_heart.json");
        JsonNode set = fx.set(paramSet);
        Table table = heart303(fx, paramSet);
        assertEquals(303, table.rowCount());
        // the reconstruction is the reference's table: its first 20 rows and missing counts
        JsonNode first20 = fx.json().get("data").get("x_first20");
        for (int i = 0; i < 20; i++) {
            assertEquals(first20.get(i).get("Chol").asInt(), (int) table.numberColumn("Chol").getDouble(i));
        }
        assertEquals(4, table.column("Ca").countMissing());
        assertEquals(2, table.column("Thal").countMissing());

        ClassifierModel model = new XClassifier(fx.params(paramSet)).fit(table, "AHD", fx.features(paramSet));
        assertEquals(set.get("base_value").asDouble(), model.baseValue(), 0.0);

        Set<String> deviating = Set.of("Ca", "Thal");
        List<String> errors = new ArrayList<>();
        JsonNode constructs = set.get("constructs");
        for (JsonNode construct : constructs) {
            String feature = construct.get("column").asText();
            if (deviating.contains(feature)) {
                continue;
            }
            JsonNode nodes = construct.get("nodes");
            List<Leaf> leaves = model.profile(feature).leaves();
            assertEquals(nodes.size(), leaves.size(), feature);
            boolean numeric = construct.get("type").asText().equals("numeric");
            for (int i = 0; i < leaves.size(); i++) {
                if (feature.equals("Oldpeak") && (i == OLDPEAK_TIE || i == OLDPEAK_TIE + 1)) {
                    continue; // checked below
                }
                Leaf leaf = leaves.get(i);
                JsonNode node = numeric || leaf.missing() ? nodes.get(i) : byCategory(set, feature, nodes, leaf);
                int o = numeric ? 1 : 0;
                String where = feature + "[" + i + "]";
                if (numeric && !leaf.missing()) {
                    ParityTest.close(errors, where + ".lower", Fixture.num(node.get(0)), leaf.lower());
                    ParityTest.close(errors, where + ".upper", Fixture.num(node.get(1)), leaf.upper());
                }
                ParityTest.close(errors, where + ".mean", Fixture.num(node.get(o + 2)), leaf.mean());
                ParityTest.close(errors, where + ".freq", Fixture.num(node.get(o + 3)), leaf.freq());
                ParityTest.close(errors, where + ".raw", Fixture.num(node.get(o + 4)), leaf.rawScore());
            }
        }
        assertTrue(errors.isEmpty(), String.join("\n", errors));
        checkOldpeakTie(model.profile("Oldpeak").leaves(), constructs.get(9).get("nodes"));

        // deviation: a missing Ca or Thal belongs to the missing leaf only; freqs sum to 1
        for (String feature : deviating) {
            FeatureProfile p = model.profile(feature);
            int missing = feature.equals("Ca") ? 4 : 2;
            assertEquals(missing, p.missingLeaf().count(), feature);
            assertEquals(303, p.leaves().stream().mapToInt(Leaf::count).sum(), feature);
            assertEquals(1.0, p.leaves().stream().mapToDouble(Leaf::freq).sum(), 1e-12, feature);
            assertNotEquals(0.0, p.missingLeaf().rawScore(), feature);
        }
        // the reference counts Ca's missing rows on the right of every split: its freqs sum above 1
        double referenceCaFreq = 0;
        for (JsonNode node : constructs.get(11).get("nodes")) {
            referenceCaFreq += Fixture.num(node.get(4));
        }
        assertEquals("Ca", constructs.get(11).get("column").asText());
        assertTrue(referenceCaFreq > 1 + 1e-9, "reference Ca freqs sum " + referenceCaFreq);
    }

    private static final int OLDPEAK_TIE = 26;

    /** Ours (3.9, 4.1], (4.1, inf] against the reference's (3.9, 4.3], (4.3, inf]: the same two leaves swapped. */
    private static void checkOldpeakTie(List<Leaf> ours, JsonNode reference) {
        Leaf a = ours.get(OLDPEAK_TIE);
        Leaf b = ours.get(OLDPEAK_TIE + 1);
        JsonNode ra = reference.get(OLDPEAK_TIE);
        JsonNode rb = reference.get(OLDPEAK_TIE + 1);
        assertEquals(3.9, a.lower());
        assertEquals(4.1, a.upper());
        assertEquals(Fixture.num(ra.get(0)), a.lower());
        assertEquals(4.300000000000001, Fixture.num(ra.get(1)));
        assertEquals(Fixture.num(rb.get(1)), b.upper());
        // (count, mean, raw) of ours a = reference b and ours b = reference a
        assertEquals(Fixture.num(rb.get(3)), a.mean());
        assertEquals(Fixture.num(rb.get(4)), a.freq());
        assertEquals(Fixture.num(rb.get(5)), a.rawScore());
        assertEquals(Fixture.num(ra.get(3)), b.mean());
        assertEquals(Fixture.num(ra.get(4)), b.freq());
        assertEquals(Fixture.num(ra.get(5)), b.rawScore());
    }

    private static JsonNode byCategory(JsonNode set, String feature, JsonNode nodes, Leaf leaf) {
        int code = set.get("feature_map").get(feature).get(leaf.category()).asInt();
        for (JsonNode n : nodes) {
            if (!n.get(0).isNull() && n.get(0).asInt() == code) {
                return n;
            }
        }
        throw new AssertionError(feature + " has no node for " + leaf.category());
    }
}
