package partita.magics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import partita.model.Params;

/** The model parameters as magic keys ({@code max_depth=6}), shared by %train and %refit. */
final class ParamKeys {

    private ParamKeys() {
    }

    /** One key per parameter of docs/algorithm.md section 2, in its order. */
    static List<Key> keys() {
        Map<String, Object> defaults = Params.defaults().asMap();
        return Params.NAMES.stream().map(name -> {
            Object value = defaults.get(name);
            String help = "model parameter " + name + " (default " + Params.show(value) + ")";
            return value instanceof Boolean ? Key.flag(name, help)
                    : value instanceof Integer ? Key.integer(name, help)
                    : value instanceof String ? Key.text(name, help + ", or a number >= 0") : Key.number(name, help);
        }).toList();
    }

    /** The parameters given in a call, by name, as typed. */
    static Map<String, String> given(Args args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : Params.NAMES) {
            args.optional(name).ifPresent(v -> settings.put(name, v));
        }
        return settings;
    }

    /** The change that sets the given parameters (for a refit or a segment override). */
    static UnaryOperator<Params.Builder> change(Map<String, String> settings) {
        return b -> {
            settings.forEach(b::set);
            return b;
        };
    }

    /** Default parameters with the given ones applied (validated by the engine's bounds). */
    static Params params(Args args) {
        Params.Builder builder = Params.builder();
        given(args).forEach(builder::set);
        return builder.build();
    }
}
