package partita.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import partita.PartitaException;

class WordsTest {

    private static List<String> texts(String line) {
        return Words.split(line).stream().map(Words.Word::text).toList();
    }

    @Test
    void splitsOnWhitespaceAndKeepsPositions() {
        List<Words.Word> words = Words.split("  data=df   target=income");
        assertEquals(List.of(new Words.Word("data=df", 2, 9, List.of("data=df")), new Words.Word("target=income", 12, 25, List.of("target=income"))), words);
    }

    @Test
    void quotesGroupSpacesAndAreRemoved() {
        assertEquals(List.of("title=Sales by region", "by=a,b"), texts("title=\"Sales by region\" by=a,b"));
        assertEquals(List.of("x=it's", "y=a \"b\""), texts("x=\"it's\" y='a \"b\"'"));
        assertEquals(List.of("x=say \"hi\" \\ ok"), texts("x=\"say \\\"hi\\\" \\\\ ok\""));
    }

    @Test
    void unclosedQuoteIsAnErrorButNotForCompletion() {
        PartitaException e = assertThrows(PartitaException.class, () -> Words.split("title=\"Sales by"));
        assertTrue(e.getMessage().startsWith("Unclosed quote \" in: title=\"Sales by."), e.getMessage());
        assertEquals(List.of(new Words.Word("title=Sales by", 0, 15, List.of("title=Sales by"))), Words.splitLenient("title=\"Sales by"));
    }

    @Test
    void emptyLineHasNoWords() {
        assertEquals(List.of(), Words.split("   "));
    }
}
