package partita.magics;

import java.util.ArrayList;
import java.util.List;

import partita.PartitaException;

/**
 * Splits a magic line into whitespace-separated words. Quotes (single or double) group a
 * value that holds spaces and are removed: {@code title="Sales by region"} is one word
 * {@code title=Sales by region}. Inside quotes a backslash escapes the quote or a backslash.
 * A list value splits at the commas outside quotes: {@code segment="Europe, West",Asia} is the
 * two items {@code Europe, West} and {@code Asia}.
 */
public final class Words {

    /**
     * One word: its text without quotes, where it sits in the line (end exclusive), and its text
     * split at the commas outside quotes (the items of a list value; the first holds the key).
     */
    public record Word(String text, int start, int end, List<String> items) {
    }

    private Words() {
    }

    /** Splits strictly: an unclosed quote is an error. */
    public static List<Word> split(String line) {
        return split(line, true);
    }

    /** Splits for completion: an unclosed quote just runs to the end of the line. */
    static List<Word> splitLenient(String line) {
        return split(line, false);
    }

    private static List<Word> split(String line, boolean strict) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            List<String> items = new ArrayList<>();
            int itemStart = 0;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                char c = line.charAt(i);
                if (c == ',') {
                    items.add(text.substring(itemStart));
                    text.append(c);
                    itemStart = text.length();
                    i++;
                } else if (c == '"' || c == '\'') {
                    int close = readQuoted(line, i + 1, c, text);
                    if (close < 0) {
                        if (strict) {
                            throw new PartitaException("Unclosed quote " + c + " in: " + line.substring(start).strip()
                                    + ". Close the quote: key=" + c + "a value with spaces" + c + ".");
                        }
                        i = n;
                    } else {
                        i = close + 1;
                    }
                } else {
                    text.append(c);
                    i++;
                }
            }
            items.add(text.substring(itemStart));
            words.add(new Word(text.toString(), start, i, List.copyOf(items)));
        }
        return words;
    }

    /** Appends the quoted text starting at {@code from}; returns the closing quote's index or -1. */
    private static int readQuoted(String line, int from, char quote, StringBuilder text) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == quote || line.charAt(i + 1) == '\\')) {
                text.append(line.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                return i;
            } else {
                text.append(c);
                i++;
            }
        }
        return -1;
    }
}
