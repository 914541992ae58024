package partita.magics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a magic declares once: its name, one-line summary, keys, optional cell form and
 * examples. Help ({@code %name ?}, shift-tab, {@code %help}), validation and Tab completion
 * are all derived from it.
 *
 * @param name       without the percent signs ({@code train})
 * @param summary    one sentence
 * @param keys       the accepted {@code key=value} words, in help order
 * @param body       the cell form ({@code %%name}) if the magic has one, else null
 * @param examples   lines shown in help
 */
public record MagicSpec(String name, String summary, List<Key> keys, CellBody body, List<String> examples) {

    /**
     * The body of the cell form.
     *
     * @param syntax        how one body line reads ({@code segment: param=value ... features=a,b})
     * @param help          what the lines mean
     * @param labelCompleter completes the word before the colon of a body line, or null
     */
    public record CellBody(String syntax, String help, Key.Completer labelCompleter) {
    }

    public MagicSpec {
        Map<String, Key> byName = new LinkedHashMap<>();
        for (Key key : keys) {
            if (byName.put(key.name(), key) != null) {
                throw new IllegalArgumentException("Key " + key.name() + " declared twice in %" + name);
            }
        }
        keys = List.copyOf(keys);
        examples = List.copyOf(examples);
    }

    public static Builder builder(String name, String summary) {
        return new Builder(name, summary);
    }

    public Optional<Key> key(String keyName) {
        return keys.stream().filter(k -> k.name().equals(keyName)).findFirst();
    }

    public List<String> keyNames() {
        return keys.stream().map(Key::name).toList();
    }

    public boolean hasCellForm() {
        return body != null;
    }

    /** {@code %train [partition=] [kind=classifier|regressor] [as=]} */
    public String lineSyntax() {
        StringBuilder sb = new StringBuilder("%").append(name);
        keys.forEach(k -> sb.append(' ').append(k.syntax()));
        return sb.toString();
    }

    /** The cell form's syntax lines, empty without a cell form. */
    public List<String> cellSyntax() {
        return body == null ? List.of() : List.of("%" + lineSyntax(), body.syntax() + "   (one per line)");
    }

    public static final class Builder {
        private final String name;
        private final String summary;
        private final List<Key> keys = new ArrayList<>();
        private final List<String> examples = new ArrayList<>();
        private CellBody body;

        private Builder(String name, String summary) {
            this.name = name;
            this.summary = summary;
        }

        public Builder key(Key key) {
            keys.add(key);
            return this;
        }

        public Builder cell(String syntax, String help) {
            return cell(syntax, help, null);
        }

        public Builder cell(String syntax, String help, Key.Completer labelCompleter) {
            body = new CellBody(syntax, help, labelCompleter);
            return this;
        }

        public Builder example(String line) {
            examples.add(line);
            return this;
        }

        public MagicSpec build() {
            return new MagicSpec(name, summary, keys, body, examples);
        }
    }
}
