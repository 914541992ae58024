package partita.magics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import partita.PartitaException;

/**
 * The validated {@code key=value} words of one magic call. Parsing checks every word against
 * the magic's {@link MagicSpec}: unknown keys (with close matches and the valid keys), repeated
 * keys, empty values, bad numbers, choices, binding names and missing required keys all fail
 * with a one-paragraph {@link PartitaException} before the magic does any work.
 */
public final class Args {

    private final MagicSpec spec;
    private final Map<String, Key> keys;
    private final Map<String, String> values;
    /** Per key, its value's comma-separated items (commas inside quotes kept). */
    private final Map<String, List<String>> items;

    private Args(MagicSpec spec, Map<String, Key> keys, Map<String, String> values, Map<String, List<String>> items) {
        this.spec = spec;
        this.keys = keys;
        this.values = Collections.unmodifiableMap(values);
        this.items = Collections.unmodifiableMap(items);
    }

    /** Parses the words after the magic's name ({@code data=df target=income}). */
    public static Args parse(MagicSpec spec, String text) {
        return parse(spec, spec.keys(), Words.split(text), true);
    }

    /**
     * Parses words against a subset of keys (a {@code %%train} body line accepts parameters
     * but not {@code data=}); required keys are not enforced.
     */
    public static Args parse(MagicSpec spec, List<Key> keys, String text) {
        return parse(spec, keys, Words.split(text), false);
    }

    private static Args parse(MagicSpec spec, List<Key> keys, List<Words.Word> words, boolean enforceRequired) {
        Map<String, Key> byName = new LinkedHashMap<>();
        keys.forEach(k -> byName.put(k.name(), k));
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> items = new LinkedHashMap<>();
        for (Words.Word word : words) {
            String text = word.text();
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new PartitaException("%" + spec.name() + " takes key=value words, not '" + text + "'. Syntax: "
                        + spec.lineSyntax() + " (type %" + spec.name() + " ? for help).");
            }
            String name = text.substring(0, eq);
            String value = text.substring(eq + 1);
            Key key = byName.get(name);
            if (key == null) {
                throw PartitaException.unknownName("%" + spec.name() + " key", name, byName.keySet());
            }
            if (values.containsKey(name)) {
                throw new PartitaException("%" + spec.name() + " got " + name + "= twice (" + values.get(name) + " and "
                        + value + "). Give it once.");
            }
            if (value.isEmpty()) {
                throw new PartitaException("%" + spec.name() + " key " + name + "= has no value. " + name + "= is "
                        + key.help() + ".");
            }
            values.put(name, check(spec, key, value));
            List<String> parts = new java.util.ArrayList<>(word.items());
            parts.set(0, parts.get(0).substring(eq + 1));
            items.put(name, parts.stream().map(String::strip).filter(v -> !v.isEmpty()).toList());
        }
        if (enforceRequired) {
            for (Key key : keys) {
                if (key.isRequired() && !values.containsKey(key.name())) {
                    throw new PartitaException("%" + spec.name() + " needs " + key.name() + "=: " + key.help()
                            + ". Syntax: " + spec.lineSyntax() + ".");
                }
            }
        }
        return new Args(spec, byName, values, items);
    }

    /** Validates one value by its key's kind and returns it normalised. */
    private static String check(MagicSpec spec, Key key, String value) {
        String where = "%" + spec.name() + " " + key.name() + "=";
        switch (key.kind()) {
            case INTEGER -> {
                try {
                    Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new PartitaException(where + " must be a whole number, not '" + value + "'.");
                }
            }
            case NUMBER -> {
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new PartitaException(where + " must be a number, not '" + value + "'.");
                }
            }
            case FLAG -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new PartitaException(where + " must be true or false, not '" + value + "'.");
                }
                return v;
            }
            case CHOICE -> {
                if (!key.choices().contains(value)) {
                    throw PartitaException.unknownName(key.name(), value, key.choices());
                }
            }
            case BINDING -> {
                if (!Names.isJavaName(value)) {
                    throw new PartitaException(where + value + " is not a name a Java cell can use: give a Java "
                            + "identifier such as as=model2 (letters, digits, _; not a keyword).");
                }
            }
            default -> {
                // text-like kinds are resolved by the magic (variables, columns, paths)
            }
        }
        return value;
    }

    public MagicSpec spec() {
        return spec;
    }

    public boolean has(String key) {
        return values.containsKey(declared(key));
    }

    /** The value as typed, else the key's declared default; fails naming the key when neither exists. */
    public String text(String key) {
        Key declared = keys.get(declared(key));
        return optional(key).or(() -> Optional.ofNullable(declared.defaultValue())).orElseThrow(
                () -> new PartitaException("%" + spec.name() + " needs " + key + "=: " + declared.help() + "."));
    }

    public String text(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    /** The value as typed, without defaults. */
    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(declared(key)));
    }

    /** {@link #text(String)} of an INTEGER key (validated when parsed). */
    public int integer(String key) {
        return Integer.parseInt(text(key));
    }

    /** {@link #text(String)} of a NUMBER key (validated when parsed). */
    public double number(String key) {
        return Double.parseDouble(text(key));
    }

    /** A comma-separated value as a list, blanks dropped: {@code by=region, season}. */
    public List<String> list(String key) {
        declared(key);
        return items.getOrDefault(key, List.of());
    }

    /** The name the result is bound to: {@code as=} or the magic's default. */
    public String bindingName() {
        return text("as");
    }

    /** The words as given, in order. */
    public Map<String, String> asMap() {
        return values;
    }

    private String declared(String key) {
        if (!keys.containsKey(key)) {
            throw new IllegalArgumentException("%" + spec.name() + " declares no key " + key + "=");
        }
        return key;
    }
}
