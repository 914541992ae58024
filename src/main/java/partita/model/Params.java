package partita.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import partita.PartitaException;

/**
 * Hyper-parameters of a transparent model (docs/algorithm.md section 2). Immutable; the
 * constructor (and so {@link Builder#build()}) refuses out-of-bound values.
 *
 * @param maxDepth        depth of each feature's split tree (&gt;= 0)
 * @param minInfoGain     a split is considered only if one side's mean moves this far from the base value, [-1, 1)
 * @param minLeafSize     smallest leaf as a share of the training rows, [-1, 1)
 * @param alpha           thins candidate split points, fit time only, [0, 1)
 * @param ignoreNan       the missing-value leaf scores 0 and stays out of normalisation
 * @param weight          classifier activation weight, [0, 3]
 * @param powerDegree     classifier activation power, one of 1, 3, 5
 * @param sigmoidExponent classifier activation sigmoid exponent, [0, 1]
 * @param tailSensitivity regressor leaf score exponent, &gt; 0
 * @param optimise        after the leaves are grown, fit every leaf score jointly by penalised maximum
 *                        likelihood (docs/algorithm.md section 11); false keeps the reference method
 * @param penalty         the optimise step's penalty in rows, &gt;= 0, or {@link #AUTO} (NaN): chosen
 *                        from the training rows by maximum marginal likelihood
 */
public record Params(int maxDepth, double minInfoGain, double minLeafSize, double alpha, boolean ignoreNan,
                     double weight, int powerDegree, double sigmoidExponent, double tailSensitivity,
                     boolean optimise, double penalty) {

    /** Parameter names in snake_case, in declaration order. */
    public static final List<String> NAMES = List.of("max_depth", "min_info_gain", "min_leaf_size", "alpha",
            "ignore_nan", "weight", "power_degree", "sigmoid_exponent", "tail_sensitivity", "optimise", "penalty");

    /** The penalty value that means "choose it from the data" (shown and typed as {@code auto}). */
    public static final double AUTO = Double.NaN;

    private static final Params DEFAULTS = new Params(8, 0.0001, 0.0001, 0.1, false, 1, 1, 0, 1.0, false, AUTO);

    public Params {
        if (maxDepth < 0) {
            throw outOfBound("max_depth", maxDepth, "must be >= 0");
        }
        checkHalfOpen("min_info_gain", minInfoGain, -1, 1);
        checkHalfOpen("min_leaf_size", minLeafSize, -1, 1);
        checkHalfOpen("alpha", alpha, 0, 1);
        if (!(weight >= 0 && weight <= 3)) {
            throw outOfBound("weight", weight, "must be in [0, 3]");
        }
        if (powerDegree != 1 && powerDegree != 3 && powerDegree != 5) {
            throw outOfBound("power_degree", powerDegree, "must be 1, 3 or 5");
        }
        if (!(sigmoidExponent >= 0 && sigmoidExponent <= 1)) {
            throw outOfBound("sigmoid_exponent", sigmoidExponent, "must be in [0, 1]");
        }
        if (!(tailSensitivity > 0) || Double.isInfinite(tailSensitivity)) {
            throw outOfBound("tail_sensitivity", tailSensitivity, "must be a finite number > 0");
        }
        if (!Double.isNaN(penalty) && !(penalty >= 0 && penalty < Double.POSITIVE_INFINITY)) {
            throw outOfBound("penalty", penalty, "must be a finite number >= 0, or auto");
        }
    }

    /** True when the optimise step chooses its penalty from the data. */
    public boolean autoPenalty() {
        return Double.isNaN(penalty);
    }

    public static Params defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The parameters a change sets, by snake_case name, with their values as {@link #asMap()}
     * shows them: {@code p -> p.maxDepth(8)} gives {@code {max_depth=8}}. Bad values fail here.
     * A change is read as the values it assigns (applied to the defaults), so it can be stored
     * and applied on top of any parameters with {@link #with(Map)}.
     */
    public static Map<String, Object> assigned(UnaryOperator<Builder> change) {
        Builder b = change.apply(builder());
        Map<String, Object> all = b.build().asMap();
        Map<String, Object> out = new LinkedHashMap<>();
        b.assigned.forEach(n -> out.put(n, all.get(n)));
        return Collections.unmodifiableMap(out);
    }

    /** These parameters with the given ones set (names as {@link #assigned} gives them). */
    public Params with(Map<String, ?> settings) {
        Builder b = toBuilder();
        settings.forEach((k, v) -> b.set(k, String.valueOf(v)));
        return b.build();
    }

    /** snake_case name -> value, in declaration order (an automatic penalty is the text {@code auto}). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_depth", maxDepth);
        m.put("min_info_gain", minInfoGain);
        m.put("min_leaf_size", minLeafSize);
        m.put("alpha", alpha);
        m.put("ignore_nan", ignoreNan);
        m.put("weight", weight);
        m.put("power_degree", powerDegree);
        m.put("sigmoid_exponent", sigmoidExponent);
        m.put("tail_sensitivity", tailSensitivity);
        m.put("optimise", optimise);
        m.put("penalty", autoPenalty() ? "auto" : (Object) penalty);
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        asMap().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(show(v)));
        return sb.toString();
    }

    /** A parameter value as people write it: 0.0001 rather than 1.0E-4, 1 rather than 1.0. */
    public static String show(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** The snake_case name of a parameter given in snake_case or camelCase, or an error with close matches. */
    public static String canonicalName(String name) {
        String typed = name == null ? "" : name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        String key = typed.equals("optimize") ? "optimise" : typed; // both spellings
        for (String n : NAMES) {
            if (n.replace("_", "").equals(key)) {
                return n;
            }
        }
        throw PartitaException.unknownName("parameter", name, NAMES);
    }

    private static void checkHalfOpen(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw outOfBound(name, value, "must be in [" + fmt(lo) + ", " + fmt(hi) + ")");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static PartitaException outOfBound(String name, Object value, String bound) {
        return new PartitaException("Parameter " + name + "=" + value + " is out of bounds: it " + bound
                + ". Pick a value within the bound (default " + show(DEFAULTS.asMap().get(name)) + ").");
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int maxDepth;
        private double minInfoGain;
        private double minLeafSize;
        private double alpha;
        private boolean ignoreNan;
        private double weight;
        private int powerDegree;
        private double sigmoidExponent;
        private double tailSensitivity;
        private boolean optimise;
        private double penalty;
        /** Names set since the builder was made, in order: what a change made to parameters says. */
        private final Set<String> assigned = new LinkedHashSet<>();

        private Builder(Params p) {
            maxDepth = p.maxDepth;
            minInfoGain = p.minInfoGain;
            minLeafSize = p.minLeafSize;
            alpha = p.alpha;
            ignoreNan = p.ignoreNan;
            weight = p.weight;
            powerDegree = p.powerDegree;
            sigmoidExponent = p.sigmoidExponent;
            tailSensitivity = p.tailSensitivity;
            optimise = p.optimise;
            penalty = p.penalty;
        }

        public Builder maxDepth(int v) {
            maxDepth = v;
            assigned.add("max_depth");
            return this;
        }

        public Builder minInfoGain(double v) {
            minInfoGain = v;
            assigned.add("min_info_gain");
            return this;
        }

        public Builder minLeafSize(double v) {
            minLeafSize = v;
            assigned.add("min_leaf_size");
            return this;
        }

        public Builder alpha(double v) {
            alpha = v;
            assigned.add("alpha");
            return this;
        }

        public Builder ignoreNan(boolean v) {
            ignoreNan = v;
            assigned.add("ignore_nan");
            return this;
        }

        public Builder weight(double v) {
            weight = v;
            assigned.add("weight");
            return this;
        }

        public Builder powerDegree(int v) {
            powerDegree = v;
            assigned.add("power_degree");
            return this;
        }

        public Builder sigmoidExponent(double v) {
            sigmoidExponent = v;
            assigned.add("sigmoid_exponent");
            return this;
        }

        public Builder tailSensitivity(double v) {
            tailSensitivity = v;
            assigned.add("tail_sensitivity");
            return this;
        }

        public Builder optimise(boolean v) {
            optimise = v;
            assigned.add("optimise");
            return this;
        }

        /** The optimise step's penalty in rows (&gt;= 0), or {@link Params#AUTO} to choose it from the data. */
        public Builder penalty(double v) {
            penalty = v;
            assigned.add("penalty");
            return this;
        }

        /**
         * Sets a parameter from text, as magics pass it ({@code max_depth=6}); the name may be
         * snake_case or camelCase.
         */
        public Builder set(String name, String value) {
            String n = canonicalName(name);
            String v = value == null ? "" : value.trim();
            switch (n) {
                case "max_depth" -> maxDepth(parseInt(n, v));
                case "min_info_gain" -> minInfoGain(parseDouble(n, v));
                case "min_leaf_size" -> minLeafSize(parseDouble(n, v));
                case "alpha" -> alpha(parseDouble(n, v));
                case "ignore_nan" -> ignoreNan(parseBoolean(n, v));
                case "weight" -> weight(parseDouble(n, v));
                case "power_degree" -> powerDegree(parseInt(n, v));
                case "sigmoid_exponent" -> sigmoidExponent(parseDouble(n, v));
                case "tail_sensitivity" -> tailSensitivity(parseDouble(n, v));
                case "optimise" -> optimise(parseBoolean(n, v));
                case "penalty" -> penalty(v.equalsIgnoreCase("auto") ? AUTO : parseDouble(n, v));
                default -> throw new IllegalStateException(n);
            }
            return this;
        }

        public Params build() {
            return new Params(maxDepth, minInfoGain, minLeafSize, alpha, ignoreNan, weight, powerDegree,
                    sigmoidExponent, tailSensitivity, optimise, penalty);
        }

        private static int parseInt(String name, String v) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw badValue(name, v, "a whole number, e.g. " + name + "=" + show(DEFAULTS.asMap().get(name)));
            }
        }

        private static double parseDouble(String name, String v) {
            try {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw badValue(name, v, "a number, e.g. " + name + "=" + (name.equals("penalty") ? "8 (or auto)"
                        : show(DEFAULTS.asMap().get(name))));
            }
        }

        private static boolean parseBoolean(String name, String v) {
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false")) {
                return false;
            }
            throw badValue(name, v, "true or false");
        }

        private static PartitaException badValue(String name, String v, String expected) {
            return new PartitaException("Parameter " + name + " got '" + v + "', which is not " + expected + ".");
        }
    }
}
