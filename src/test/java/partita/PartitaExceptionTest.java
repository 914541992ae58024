package partita;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PartitaExceptionTest {

    private static final List<String> COLUMNS = List.of("age", "workclass", "income", "education", "education_num");

    @Test
    void suggestsCloseMatchesAndListsTheValidNames() {
        assertEquals("Unknown column 'incme'. Did you mean: income? Valid columns: age, workclass, income, education,"
                + " education_num.", PartitaException.unknownName("column", "incme", COLUMNS).getMessage());
        assertEquals(List.of("education"), PartitaException.closeMatches("educaton", COLUMNS));
        assertEquals(List.of("education", "education_num"), PartitaException.closeMatches("educ", COLUMNS));
        assertEquals(List.of("workclass"), PartitaException.closeMatches("WorkClass", COLUMNS));
        assertEquals(List.of("age"), PartitaException.closeMatches("aeg", COLUMNS)); // swapped letters
        assertEquals(List.of(), PartitaException.closeMatches("zzz", COLUMNS));
        assertEquals("Unknown segment 'x'. There are no segments to choose from.",
                PartitaException.unknownName("segment", "x", List.of()).getMessage());
    }

    @Test
    void kindsOfNamesArePluralisedInEnglish() {
        assertEquals("policies", PartitaException.plural("policy"));
        assertEquals("keys", PartitaException.plural("key"));
        assertEquals("%train keys", PartitaException.plural("%train key"));
        assertEquals("Unknown policy 'fix'. Did you mean: fixed? Valid policies: fixed, auto.",
                PartitaException.unknownName("policy", "fix", java.util.List.of("fixed", "auto")).getMessage());
    }
}
