package partita.partition.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The path of a segment in the partition hierarchy: one typed value per level, outermost first.
 * The empty path is the {@code __dataset__} segment (all rows).
 *
 * <p>Values keep their type so that segment {@code 1} (a number) and segment {@code "1"} (text)
 * are different segments: a value is a {@link String}, a {@link Long} (any integral number), a
 * {@link Double} (a non-integral number), a {@link Boolean}, or {@code null} for a missing
 * value. {@link #normalise(Object)} maps column cells to these types.
 *
 * <p>{@link #name()} renders the path for people and for lookups: levels joined by
 * {@code " > "}, missing as {@code (missing)}, and text quoted whenever it could be read as
 * something else (a number, a boolean, {@code (missing)}, {@code __dataset__}, text containing
 * {@code " > "} or outer spaces), so distinct keys always have distinct names.
 */
public final class SegmentKey implements Comparable<SegmentKey>, java.io.Serializable {

    /** Name of the segment of all rows (the fallback model). */
    public static final String DATASET_NAME = "__dataset__";
    /** How a missing segment value is shown. */
    public static final String MISSING_NAME = "(missing)";
    /** Separator between levels in a segment name. */
    public static final String SEPARATOR = " > ";
    /** The empty path: the {@code __dataset__} segment. */
    public static final SegmentKey DATASET = new SegmentKey(new Object[0]);

    private static final Pattern LOOKS_TYPED =
            Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|NaN|-?Infinity|true|false",
                    Pattern.CASE_INSENSITIVE);

    private final Object[] values;

    private SegmentKey(Object[] values) {
        this.values = values;
    }

    /** A path from typed values (each normalised as {@link #normalise(Object)} says). */
    public static SegmentKey of(Object... values) {
        Object[] copy = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = normalise(values[i]);
        }
        return new SegmentKey(copy);
    }

    /** A path from typed values (each normalised as {@link #normalise(Object)} says). */
    public static SegmentKey of(List<?> values) {
        return of(values.toArray());
    }

    /**
     * The key type of a cell: integral numbers become {@link Long} (so an int column's 1 and a
     * double column's 1.0 are the same segment), other numbers {@link Double}, NaN null;
     * text and booleans stay as they are; anything else (dates...) is refused.
     */
    public static Object normalise(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return null;
            }
            if (d == Math.rint(d) && Math.abs(d) < 0x1p62) {
                return (long) d;
            }
            return d;
        }
        throw new IllegalArgumentException("segment values are text, numbers or booleans, not "
                + value.getClass().getSimpleName());
    }

    /** Number of levels (0 for {@code __dataset__}). */
    public int depth() {
        return values.length;
    }

    /** True for the {@code __dataset__} segment. */
    public boolean isDataset() {
        return values.length == 0;
    }

    /** The typed value at a level (0-based); null when missing. */
    public Object value(int level) {
        return values[level];
    }

    /** The typed values, outermost first (may contain nulls for missing values). */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /**
     * What {@code fitted} holds for this segment's nearest ancestor ({@code __dataset__} last), or
     * null: the model a segment's optimised scores are pulled toward (its prior).
     */
    public <T> T nearestAncestor(java.util.Map<SegmentKey, T> fitted) {
        for (int d = depth() - 1; d >= 0; d--) {
            T m = fitted.get(prefix(d));
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** The first {@code depth} levels of this path. */
    public SegmentKey prefix(int depth) {
        return depth == values.length ? this : new SegmentKey(Arrays.copyOf(values, depth));
    }

    /** The parent segment ({@code __dataset__} for a first-level segment). */
    public SegmentKey parent() {
        if (isDataset()) {
            throw new IllegalStateException("__dataset__ has no parent");
        }
        return prefix(values.length - 1);
    }

    /** This path extended by one level. */
    public SegmentKey child(Object value) {
        Object[] copy = Arrays.copyOf(values, values.length + 1);
        copy[values.length] = normalise(value);
        return new SegmentKey(copy);
    }

    /** The display name, e.g. {@code Husband}, {@code Europe > 4}, {@code "1"}, {@code __dataset__}. */
    public String name() {
        if (isDataset()) {
            return DATASET_NAME;
        }
        List<String> parts = new ArrayList<>(values.length);
        for (Object v : values) {
            parts.add(render(v));
        }
        return String.join(SEPARATOR, parts);
    }

    /** How one typed value is shown (see the class comment for when text is quoted). */
    public static String render(Object value) {
        if (value == null) {
            return MISSING_NAME;
        }
        if (value instanceof String s) {
            boolean ambiguous = s.isEmpty() || LOOKS_TYPED.matcher(s).matches() || s.equals(MISSING_NAME)
                    || s.equals(DATASET_NAME) || s.contains(SEPARATOR) || !s.equals(s.strip())
                    || s.startsWith("\"");
            return ambiguous ? '"' + s.replace("\"", "\\\"") + '"' : s;
        }
        return value.toString();
    }

    /** Type order for sorting mixed levels: numbers, booleans, text, missing last. */
    private static int typeRank(Object v) {
        if (v instanceof Number) {
            return 0;
        }
        if (v instanceof Boolean) {
            return 1;
        }
        if (v instanceof String) {
            return 2;
        }
        return 3;
    }

    /** Compares two typed values of one level: numbers numerically, text by code points, missing last. */
    static int compareValues(Object a, Object b) {
        int ra = typeRank(a);
        int rb = typeRank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a instanceof Number na) {
            if (a instanceof Long la && b instanceof Long lb) {
                return Long.compare(la, lb);
            }
            return Double.compare(na.doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof Boolean ba) {
            return Boolean.compare(ba, (Boolean) b);
        }
        if (a instanceof String sa) {
            return sa.compareTo((String) b);
        }
        return 0;
    }

    /** Depth-first order: a parent sorts right before its children; siblings by value. */
    @Override
    public int compareTo(SegmentKey other) {
        int n = Math.min(values.length, other.values.length);
        for (int i = 0; i < n; i++) {
            int c = compareValues(values[i], other.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(values.length, other.values.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentKey k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return name();
    }
}
