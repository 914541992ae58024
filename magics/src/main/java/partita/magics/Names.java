package partita.magics;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Name checks shared by parsing, binding and completion. */
final class Names {

    private Names() {
    }

    /** A name a Java cell can use as a variable: an identifier that is not a keyword. */
    static boolean isJavaName(String name) {
        return SourceVersion.isName(name) && !name.contains(".");
    }

    /** Case-insensitive prefix filter used by every completer. */
    static List<String> startingWith(Collection<String> candidates, String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(p)).toList();
    }
}
