package partita.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import partita.PartitaException;

/** Splitting {@code key=value} words (double quotes protect spaces) and comma lists. */
final class Words {

    private Words() {
    }

    /** {@code a=1 b="x y"} to [[a, 1], [b, x y]]; a word without '=' is an error naming where it is. */
    static List<String[]> pairs(String text, String where) {
        List<String[]> out = new ArrayList<>();
        for (String word : split(text)) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new PartitaException("'" + word + "' in " + where + " is not a param=value word. Write settings"
                        + " as name=value, e.g. max_depth=6 features=age,hours_per_week.");
            }
            out.add(new String[] {word.substring(0, eq).strip(), unquote(word.substring(eq + 1).strip())});
        }
        return out;
    }

    /** A non-blank line of a cell body and its 1-based number. */
    record Line(int number, String text) {
    }

    /** The stripped lines of a body, without blank lines and {@code #} comments. */
    static List<Line> lines(String body) {
        List<Line> out = new ArrayList<>();
        String[] lines = body.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(new Line(i + 1, line));
            }
        }
        return out;
    }

    /** {@code a, b,c} to [a, b, c]. */
    static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).map(Words::unquote).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : (text + " ").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new PartitaException("Unclosed double quote in '" + text.strip() + "'.");
        }
        return out;
    }

    /** The text inside surrounding double quotes, or the text itself. */
    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
