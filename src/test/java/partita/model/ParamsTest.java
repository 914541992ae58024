package partita.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import partita.PartitaException;

class ParamsTest {

    @Test
    void defaultsFollowTheAlgorithm() {
        Params p = Params.defaults();
        assertEquals(8, p.maxDepth());
        assertEquals(0.0001, p.minInfoGain());
        assertEquals(0.0001, p.minLeafSize());
        assertEquals(0.1, p.alpha());
        assertFalse(p.ignoreNan());
        assertEquals(1, p.weight());
        assertEquals(1, p.powerDegree());
        assertEquals(0, p.sigmoidExponent());
        assertEquals(1.0, p.tailSensitivity());
        assertEquals("max_depth=8, min_info_gain=0.0001, min_leaf_size=0.0001, alpha=0.1, ignore_nan=false, weight=1,"
                + " power_degree=1, sigmoid_exponent=0, tail_sensitivity=1, optimise=false, penalty=auto", p.toString());
        assertFalse(p.optimise());
        assertTrue(p.autoPenalty());
        assertEquals(Params.NAMES, List.copyOf(p.asMap().keySet()));
    }

    @Test
    void builderAndTextSettersAgree() {
        Params typed = Params.builder().maxDepth(6).minInfoGain(0.01).weight(0.7).ignoreNan(true).powerDegree(3).build();
        Params text = Params.builder().set("max_depth", "6").set("minInfoGain", "0.01").set("WEIGHT", " 0.7 ")
                .set("ignore_nan", "true").set("power-degree", "3").build();
        assertEquals(typed, text);
        assertEquals(typed.hashCode(), text.hashCode());
        assertEquals(typed, typed.toBuilder().build());
        assertNotEquals(Params.defaults(), typed);
    }

    @Test
    void outOfBoundValuesNameParameterValueAndBound() {
        assertMessage(() -> Params.builder().maxDepth(-1).build(), "max_depth=-1", "must be >= 0");
        assertMessage(() -> Params.builder().minInfoGain(1).build(), "min_info_gain=1.0", "[-1, 1)");
        assertMessage(() -> Params.builder().minLeafSize(-1.5).build(), "min_leaf_size=-1.5", "[-1, 1)");
        assertMessage(() -> Params.builder().alpha(1).build(), "alpha=1.0", "[0, 1)");
        assertMessage(() -> Params.builder().weight(3.5).build(), "weight=3.5", "[0, 3]");
        assertMessage(() -> Params.builder().powerDegree(2).build(), "power_degree=2", "1, 3 or 5");
        assertMessage(() -> Params.builder().sigmoidExponent(1.1).build(), "sigmoid_exponent=1.1", "[0, 1]");
        assertMessage(() -> Params.builder().tailSensitivity(0).build(), "tail_sensitivity=0.0", "> 0");
        assertMessage(() -> Params.builder().weight(Double.NaN).build(), "weight=NaN", "[0, 3]");
        // bounds themselves are accepted
        Params edge = Params.builder().maxDepth(0).minInfoGain(-1).minLeafSize(-1).alpha(0).weight(3).powerDegree(5)
                .sigmoidExponent(1).tailSensitivity(1e-9).build();
        assertEquals(5, edge.powerDegree());
    }

    @Test
    void unknownNamesAndBadTextAreExplained() {
        assertMessage(() -> Params.builder().set("max_dept", "3"), "Unknown parameter 'max_dept'",
                "Did you mean: max_depth?");
        assertMessage(() -> Params.builder().set("depth", "3"), "Valid parameters: max_depth, min_info_gain");
        assertMessage(() -> Params.builder().set("max_depth", "six"), "max_depth got 'six'", "whole number");
        assertMessage(() -> Params.builder().set("weight", "heavy"), "weight got 'heavy'", "a number");
        assertMessage(() -> Params.builder().set("ignore_nan", "yes"), "ignore_nan got 'yes'", "true or false");
        assertEquals("max_depth", Params.canonicalName("maxDepth"));
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable code, String... parts) {
        PartitaException e = assertThrows(PartitaException.class, code);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }
}
