package partita.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import partita.magics.render.Rendered;

class HelpTest {

    @Test
    void syntaxIsDerivedFromKeys() {
        assertEquals("%train data= target= [features=a[,b,...]] [kind=classifier|regressor] [max_depth=] [alpha=] "
                + "[ignore_nan=] [as=]", ArgsTest.SPEC.lineSyntax());
    }

    @Test
    void textAndHtmlHelpListEveryKeyOnce() {
        Rendered help = Help.of(ArgsTest.SPEC);
        assertEquals("""
                %train data= target= [features=a[,b,...]] [kind=classifier|regressor] [max_depth=] [alpha=] [ignore_nan=] [as=]
                  Trains every segment.
                Keys:
                  data=        the training table (required)
                  target=      the column to predict (required)
                  features=    columns to use
                  kind=        model kind (default classifier)
                  max_depth=   deepest split (default 8)
                  alpha=       smoothing
                  ignore_nan=  skip missing values
                  as=          notebook variable that receives the result (default model)
                Cell form:
                  %%train data= target= [features=a[,b,...]] [kind=classifier|regressor] [max_depth=] [alpha=] [ignore_nan=] [as=]
                  segment: param=value ... features=a,b   (one per line)
                  per-segment parameters
                Examples:
                  %train data=adult target=income
                """, help.text());
        assertTrue(help.html().contains("<caption>" + ArgsTest.SPEC.lineSyntax() + "</caption>"), help.html());
        assertTrue(help.html().contains("<tr><td>max_depth=</td><td>deepest split (default 8)</td></tr>"), help.html());
        assertEquals(8, help.html().split("<tr><td>").length - 1);
    }

    @Test
    void htmlEscapesUserText() {
        MagicSpec spec = MagicSpec.builder("x", "a <b> & \"c\"").build();
        assertTrue(Help.of(spec).html().contains("a &lt;b&gt; &amp; &quot;c&quot;"));
    }

    @Test
    void rapaiosHelpListLinesUpEveryKey() {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("  a=  x", "      bb= y"),
                Help.continued(java.util.List.of("  a=  x", "  bb= y")));
    }
}
