package partita.magics;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapaio.jupyter.kernel.core.CompleteMatches;
import org.rapaio.jupyter.kernel.core.magic.MagicSnippet;
import tech.tablesaw.api.Table;

/**
 * Tab completion inside a Partita magic: key names, then values by the key's kind (notebook
 * variables of the right type, columns of the chosen table, choices, files) or its custom
 * completer; in a cell body, the label before the colon and the key=value words after it.
 */
final class Completion {

    private Completion() {
    }

    /** Matches for the cursor's word, or null when the cursor is on the magic's name (rapaio completes names). */
    static CompleteMatches complete(MagicSpec spec, Notebook notebook, MagicSnippet snippet) {
        int index = cursorLine(snippet);
        if (index < 0) {
            return null;
        }
        MagicSnippet.CodeLine line = snippet.line(index);
        int cursor = Math.min(line.relativePosition(), line.code().length());
        int lineStart = line.globalPosition() - line.relativePosition();
        String before = line.code().substring(0, cursor);
        Map<String, String> words = lineWords(snippet.line(0).code());
        if (index == 0) {
            List<Words.Word> split = Words.splitLenient(before);
            if (split.size() <= 1 && !endsWithSpace(before)) {
                return null;
            }
            return words(spec, notebook, words, before, 0, lineStart, cursor);
        }
        int colon = before.indexOf(':');
        if (colon < 0) {
            String label = before.strip();
            List<String> labels = spec.body() == null || spec.body().labelCompleter() == null ? List.of()
                    : spec.body().labelCompleter().candidates(notebook, words);
            int start = before.length() - before.stripLeading().length();
            return new CompleteMatches(quoted(Names.startingWith(labels, label)), lineStart + start, lineStart + cursor);
        }
        return words(spec, notebook, words, before, colon + 1, lineStart, cursor);
    }

    /** Completes the last word of {@code before} (words start at {@code from}). */
    private static CompleteMatches words(MagicSpec spec, Notebook notebook, Map<String, String> words,
                                         String before, int from, int lineStart, int cursor) {
        List<Key> keys = spec.keys();
        List<Words.Word> split = Words.splitLenient(before.substring(from));
        boolean fresh = endsWithSpace(before) || split.isEmpty();
        int wordStart = fresh ? cursor : from + split.get(split.size() - 1).start();
        String current = before.substring(wordStart);
        int eq = current.indexOf('=');
        if (eq < 0) {
            List<String> unused = keys.stream().map(Key::name).filter(k -> !words.containsKey(k) || k.equals(current))
                    .map(k -> k + "=").toList();
            return new CompleteMatches(Names.startingWith(unused, current), lineStart + wordStart, lineStart + cursor);
        }
        Key key = keys.stream().filter(k -> k.name().equals(current.substring(0, eq))).findFirst().orElse(null);
        if (key == null) {
            return new CompleteMatches(List.of(), lineStart + cursor, lineStart + cursor);
        }
        String value = current.substring(eq + 1);
        int valueStart = wordStart + eq + 1;
        if (key.kind() == Key.Kind.COLUMNS || key.kind() == Key.Kind.LIST) {
            int comma = value.lastIndexOf(',');
            valueStart += comma + 1;
            value = value.substring(comma + 1);
        }
        List<String> candidates = key.completer() != null ? key.completer().candidates(notebook, words)
                : builtIn(key, notebook, words, value);
        return new CompleteMatches(quoted(Names.startingWith(candidates, value)), lineStart + valueStart, lineStart + cursor);
    }

    private static List<String> builtIn(Key key, Notebook notebook, Map<String, String> words, String typed) {
        return switch (key.kind()) {
            case CHOICE -> key.choices();
            case FLAG -> List.of("true", "false");
            case TABLE -> {
                List<String> all = new ArrayList<>(variablesHolding(notebook, Table.class));
                all.addAll(files(notebook, typed, true));
                yield all;
            }
            case VARIABLE -> variablesHolding(notebook, key.type());
            case COLUMN, COLUMNS -> words.containsKey("data") ? notebook.columnNames(words.get("data")) : List.of();
            case PATH -> files(notebook, typed, false);
            case BINDING -> key.defaultValue() == null ? List.of() : List.of(key.defaultValue());
            default -> List.of();
        };
    }

    private static List<String> variablesHolding(Notebook notebook, Class<?> type) {
        return notebook.variables().stream().filter(v -> notebook.holds(v, type)).map(Notebook.Variable::name).toList();
    }

    /** Files and folders under the typed folder; only .csv files when {@code csvOnly}. */
    private static List<String> files(Notebook notebook, String typed, boolean csvOnly) {
        int slash = typed.lastIndexOf('/');
        String folder = slash < 0 ? "" : typed.substring(0, slash + 1);
        File[] entries = notebook.path(folder.isEmpty() ? "." : folder).toFile().listFiles();
        if (entries == null) {
            return List.of();
        }
        return Arrays.stream(entries).filter(f -> !f.getName().startsWith("."))
                .filter(f -> f.isDirectory() || !csvOnly || f.getName().toLowerCase().endsWith(".csv"))
                .sorted(Comparator.comparing(File::getName))
                .map(f -> folder + f.getName() + (f.isDirectory() ? "/" : "")).toList();
    }

    /** The key=value words of a magic line, leniently (completion runs on half-typed lines). */
    static Map<String, String> lineWords(String line) {
        Map<String, String> words = new LinkedHashMap<>();
        for (Words.Word w : Words.splitLenient(line)) {
            int eq = w.text().indexOf('=');
            if (eq > 0) {
                words.put(w.text().substring(0, eq), w.text().substring(eq + 1));
            }
        }
        return words;
    }

    static int cursorLine(MagicSnippet snippet) {
        for (int i = 0; i < snippet.lines().size(); i++) {
            if (snippet.line(i).hasPosition()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsWithSpace(String s) {
        return !s.isEmpty() && Character.isWhitespace(s.charAt(s.length() - 1));
    }

    private static List<String> quoted(List<String> values) {
        return values.stream().map(v -> v.contains(" ") ? "\"" + v + "\"" : v).toList();
    }
}
