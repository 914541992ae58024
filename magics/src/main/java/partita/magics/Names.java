package partita.magics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Name checks shared by parsing, binding and completion. */
final class Names {

    private Names() {
    }

    /** Names within a small edit distance of {@code given}, or sharing its prefix, best first. */
    static List<String> closeMatches(String given, Collection<String> valid) {
        String g = given.toLowerCase(Locale.ROOT);
        record Match(String name, int distance) {
        }
        List<Match> matches = new ArrayList<>();
        for (String name : valid) {
            String v = name.toLowerCase(Locale.ROOT);
            int d = editDistance(g, v);
            boolean prefix = !g.isEmpty() && (v.startsWith(g) || g.startsWith(v));
            if (d <= Math.max(1, Math.min(g.length(), v.length()) / 3) || prefix) {
                matches.add(new Match(name, prefix ? Math.min(d, 1) : d));
            }
        }
        matches.sort(Comparator.comparingInt(Match::distance));
        return matches.stream().limit(5).map(Match::name).toList();
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
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
