package partita.magics;

import java.util.List;
import java.util.Map;

/**
 * One {@code key=value} word a magic accepts, declared once: its name, help line, kind (which
 * drives validation and Tab completion) and whether it is required.
 *
 * @param name      the key as typed, snake_case ({@code min_size})
 * @param help      one line shown by {@code %name ?}, shift-tab and {@code %help}
 * @param kind      what the value is
 * @param choices   valid values of a {@link Kind#CHOICE} key
 * @param type      for {@link Kind#VARIABLE}: the Java type the variable must hold
 * @param isRequired whether the magic refuses to run without it
 * @param defaultValue shown in help; for {@code as=} the name bound when it is omitted
 * @param completer replaces the kind's built-in Tab completion when not null
 */
public record Key(String name, String help, Kind kind, List<String> choices, Class<?> type,
                  boolean isRequired, String defaultValue, Completer completer) {

    /** What a value is; decides validation and the built-in completion. */
    public enum Kind {
        /** free text */
        TEXT,
        /** a whole number */
        INTEGER,
        /** a decimal number */
        NUMBER,
        /** true or false */
        FLAG,
        /** one of {@link Key#choices()} */
        CHOICE,
        /** a notebook variable holding a tablesaw Table, or a CSV path */
        TABLE,
        /** a notebook variable holding a {@link Key#type()} */
        VARIABLE,
        /** one column of the table given by {@code data=} */
        COLUMN,
        /** comma-separated columns of that table */
        COLUMNS,
        /** comma-separated free names */
        LIST,
        /** a file path */
        PATH,
        /** the notebook variable the result is bound to ({@code as=}) */
        BINDING
    }

    /** Tab completion candidates for one key's value, given the other words of the line. */
    @FunctionalInterface
    public interface Completer {
        List<String> candidates(Notebook notebook, Map<String, String> words);
    }

    public Key {
        choices = List.copyOf(choices);
    }

    private static Key of(String name, String help, Kind kind) {
        return new Key(name, help, kind, List.of(), null, false, null, null);
    }

    public static Key text(String name, String help) {
        return of(name, help, Kind.TEXT);
    }

    public static Key integer(String name, String help) {
        return of(name, help, Kind.INTEGER);
    }

    public static Key number(String name, String help) {
        return of(name, help, Kind.NUMBER);
    }

    public static Key flag(String name, String help) {
        return of(name, help, Kind.FLAG);
    }

    public static Key choice(String name, String help, String... choices) {
        return new Key(name, help, Kind.CHOICE, List.of(choices), null, false, null, null);
    }

    /** A notebook variable holding a tablesaw Table, or a CSV path. */
    public static Key table(String name, String help) {
        return of(name, help, Kind.TABLE);
    }

    /** A notebook variable holding a {@code type} (a model, a partition...). */
    public static Key variable(String name, String help, Class<?> type) {
        return new Key(name, help, Kind.VARIABLE, List.of(), type, false, null, null);
    }

    /** One column of the table given by {@code data=}. */
    public static Key column(String name, String help) {
        return new Key(name, help, Kind.COLUMN, List.of(), null, false, null, null);
    }

    /** Comma-separated columns of the table given by {@code data=}. */
    public static Key columns(String name, String help) {
        return new Key(name, help, Kind.COLUMNS, List.of(), null, false, null, null);
    }

    public static Key list(String name, String help) {
        return of(name, help, Kind.LIST);
    }

    public static Key path(String name, String help) {
        return of(name, help, Kind.PATH);
    }

    /** {@code as=NAME}: where the result is bound; {@code defaultName} when omitted. */
    public static Key binding(String defaultName) {
        return new Key("as", "notebook variable that receives the result (default " + defaultName + ")",
                Kind.BINDING, List.of(), null, false, defaultName, null);
    }

    public Key required() {
        return new Key(name, help, kind, choices, type, true, defaultValue, completer);
    }

    public Key defaultValue(String value) {
        return new Key(name, help, kind, choices, type, isRequired, value, completer);
    }

    public Key completer(Completer custom) {
        return new Key(name, help, kind, choices, type, isRequired, defaultValue, custom);
    }

    /** How the key reads in a syntax line: {@code data=}, {@code kind=classifier|regressor}. */
    String syntax() {
        String value = switch (kind) {
            case CHOICE -> String.join("|", choices);
            case COLUMNS, LIST -> "a[,b,...]";
            default -> "";
        };
        String word = name + "=" + value;
        return isRequired ? word : "[" + word + "]";
    }
}
