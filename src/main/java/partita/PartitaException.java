package partita;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Every user-facing error of Partita: a one-paragraph message that names the problem and
 * says how to fix it.
 */
public class PartitaException extends RuntimeException {

    private static final int MAX_LISTED = 40;

    public PartitaException(String message) {
        super(message);
    }

    public PartitaException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * "Unknown column 'incme'. Did you mean: income? Valid columns: age, workclass, ..." —
     * close matches by edit distance or prefix, reused for columns, parameters, segments, keys.
     *
     * @param kind  singular noun of what was looked up ("column", "parameter", ...)
     * @param given the name the user typed
     * @param valid the names that exist, in the order to list them
     */
    public static PartitaException unknownName(String kind, String given, Collection<String> valid) {
        StringBuilder msg = new StringBuilder("Unknown ").append(kind).append(" '").append(given).append("'.");
        List<String> close = closeMatches(given, valid);
        if (!close.isEmpty()) {
            msg.append(" Did you mean: ").append(String.join(", ", close)).append('?');
        }
        if (valid.isEmpty()) {
            msg.append(" There are no ").append(plural(kind)).append(" to choose from.");
        } else {
            msg.append(" Valid ").append(plural(kind)).append(": ").append(listed(valid)).append('.');
        }
        return new PartitaException(msg.toString());
    }

    /** English plural of a kind of name: policy -> policies, key -> keys, parameter -> parameters. */
    static String plural(String kind) {
        int n = kind.length();
        boolean consonantY = n > 1 && kind.charAt(n - 1) == 'y' && "aeiou".indexOf(kind.charAt(n - 2)) < 0;
        return consonantY ? kind.substring(0, n - 1) + "ies" : kind + "s";
    }

    /** Names within a small edit distance of {@code given}, or sharing its prefix, best first. */
    public static List<String> closeMatches(String given, Collection<String> valid) {
        String g = given == null ? "" : given.toLowerCase(Locale.ROOT);
        record Match(String name, int distance) { }
        List<Match> matches = new ArrayList<>();
        for (String name : valid) {
            String v = name.toLowerCase(Locale.ROOT);
            int d = editDistance(g, v);
            boolean prefix = !g.isEmpty() && (v.startsWith(g) || g.startsWith(v));
            int allowed = g.length() <= 4 ? 1 : g.length() <= 8 ? 2 : 3;
            if (d <= allowed || prefix) {
                matches.add(new Match(name, prefix ? Math.min(d, 1) : d));
            }
        }
        matches.sort(Comparator.comparingInt(Match::distance));
        return matches.stream().limit(5).map(Match::name).toList();
    }

    private static String listed(Collection<String> valid) {
        List<String> names = new ArrayList<>(valid);
        if (names.size() <= MAX_LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_LISTED)) + ", ... (" + (names.size() - MAX_LISTED) + " more)";
    }

    /** Edit distance counting insertions, deletions, substitutions and adjacent swaps as 1 each. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
