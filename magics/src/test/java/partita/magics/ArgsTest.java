package partita.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import partita.PartitaException;

class ArgsTest {

    static final MagicSpec SPEC = MagicSpec.builder("train", "Trains every segment.")
            .key(Key.table("data", "the training table").required())
            .key(Key.column("target", "the column to predict").required())
            .key(Key.columns("features", "columns to use"))
            .key(Key.choice("kind", "model kind", "classifier", "regressor").defaultValue("classifier"))
            .key(Key.integer("max_depth", "deepest split").defaultValue("8"))
            .key(Key.number("alpha", "smoothing"))
            .key(Key.flag("ignore_nan", "skip missing values"))
            .key(Key.binding("model"))
            .cell("segment: param=value ... features=a,b", "per-segment parameters")
            .example("%train data=adult target=income")
            .build();

    private static String error(String words) {
        return assertThrows(PartitaException.class, () -> Args.parse(SPEC, words)).getMessage();
    }

    @Test
    void parsesValuesAndDefaults() {
        Args args = Args.parse(SPEC, "data=adult target=income features=\"age, hours\" max_depth=6 ignore_nan=TRUE");
        assertEquals(Map.of("data", "adult", "target", "income", "features", "age, hours", "max_depth", "6",
                "ignore_nan", "true"), args.asMap());
        assertEquals(List.of("age, hours"), args.list("features"), "a quoted item is one item, comma and all (as in CSV)");
        assertEquals(6, args.integer("max_depth"));
        assertEquals("true", args.text("ignore_nan"));
        assertEquals("classifier", args.text("kind"));
        assertEquals("model", args.bindingName());
        assertFalse(args.has("alpha"));
        assertEquals(List.of(), Args.parse(SPEC, "data=a target=b").list("features"));
        assertThrows(IllegalArgumentException.class, () -> args.text("nope"));
    }

    @Test
    void unknownKeyNamesCloseMatchesAndValidKeys() {
        assertEquals("Unknown %train key 'dta'. Did you mean: data? Valid %train keys: data, target, features, kind, "
                + "max_depth, alpha, ignore_nan, as.", error("dta=adult target=income"));
    }

    @Test
    void badWordsFailWithOneParagraph() {
        assertEquals("%train takes key=value words, not 'adult'. Syntax: %train data= target= [features=a[,b,...]] "
                + "[kind=classifier|regressor] [max_depth=] [alpha=] [ignore_nan=] [as=] (type %train ? for help).",
                error("adult"));
        assertEquals("%train got data= twice (a and b). Give it once.", error("data=a data=b target=y"));
        assertEquals("%train key target= has no value. target= is the column to predict.", error("data=a target="));
        assertEquals("%train max_depth= must be a whole number, not 'deep'.", error("data=a target=y max_depth=deep"));
        assertEquals("%train alpha= must be a number, not '1,5'.", error("data=a target=y alpha=1,5"));
        assertEquals("%train ignore_nan= must be true or false, not 'yes'.", error("data=a target=y ignore_nan=yes"));
        assertEquals("Unknown kind 'clasifier'. Did you mean: classifier? Valid kinds: classifier, regressor.",
                error("data=a target=y kind=clasifier"));
        assertTrue(error("data=a target=y as=2nd").startsWith("%train as=2nd is not a name a Java cell can use"));
        assertTrue(error("data=a target=y as=class").startsWith("%train as=class is not a name"));
        assertEquals("%train needs target=: the column to predict. Syntax: %train data= target= [features=a[,b,...]] "
                + "[kind=classifier|regressor] [max_depth=] [alpha=] [ignore_nan=] [as=].", error("data=a"));
    }

    @Test
    void bodyLinesParseAgainstASubsetWithoutRequiredKeys() {
        Args line = Args.parse(SPEC, List.of(SPEC.key("max_depth").orElseThrow(), SPEC.key("features").orElseThrow()),
                "max_depth=4 features=age");
        assertEquals(4, line.integer("max_depth"));
        PartitaException e = assertThrows(PartitaException.class, () -> Args.parse(SPEC,
                List.of(SPEC.key("max_depth").orElseThrow()), "data=x"));
        assertEquals("Unknown %train key 'data'. Valid %train keys: max_depth.", e.getMessage());
    }

    @Test
    void listItemsMayHoldCommasInsideQuotes() {
        MagicSpec spec = MagicSpec.builder("refit", "test").key(Key.list("segment", "segments")).build();
        assertEquals(List.of("Europe, West", "Asia"), Args.parse(spec, "segment=\"Europe, West\",Asia").list("segment"));
        assertEquals(List.of("a", "b"), Args.parse(spec, "segment=a,b").list("segment"));
        assertEquals(List.of("x y", "z"), Args.parse(spec, "segment='x y',z").list("segment"));
        assertEquals(List.of(), Args.parse(spec, "").list("segment"));
    }
}
