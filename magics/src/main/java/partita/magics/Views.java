package partita.magics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import partita.magics.render.Html;
import partita.magics.render.Rendered;
import partita.partition.PartitionedModel;

/** Turns renderer output into what a magic returns or displays. */
final class Views {

    private Views() {
    }

    /** A short paragraph (a statement, where a result was bound). */
    static Rendered paragraph(String text) {
        return new Rendered(text + "\n", "<p class=\"partita-note\">" + Html.escape(text) + "</p>");
    }

    /** A block of code, shown as written. */
    static Rendered code(String text) {
        return new Rendered(text + "\n", "<pre class=\"partita-code\">" + Html.escape(text) + "</pre>");
    }

    /** Most characters of code an output shows; the bound value always holds all of it. */
    static final int MAX_CODE = 20_000;

    /**
     * Code of any length: whole up to {@link #MAX_CODE} characters, else its first lines within
     * that and a note saying how much is left out and where the whole text is.
     */
    static Rendered code(String text, String whole) {
        if (text.length() <= MAX_CODE) {
            return code(text);
        }
        int cut = text.lastIndexOf('\n', MAX_CODE);
        String head = text.substring(0, cut > 0 ? cut : MAX_CODE);
        long lines = text.lines().count();
        return Rendered.concat(code(head), paragraph(String.format("Showing the first %,d of %,d lines (%,d of %,d"
                + " characters); %s.", head.lines().count(), lines, head.length(), text.length(), whole)));
    }

    /** "Bound to model (Partitioned classifier of income by relationship: ...)." */
    static Rendered bound(String name, Object value) {
        return paragraph("Bound to " + name + " (" + describe(value) + ").");
    }

    /** What a value is, in words: a partitioned model says its kind, target and segments, anything else its type. */
    static String describe(Object value) {
        return value instanceof PartitionedModel<?> m ? m.toString() : value.getClass().getSimpleName();
    }

    /** Most segments a chart or per-segment view shows; the bound result always holds them all. */
    static final int MAX_SEGMENTS = 40;

    /**
     * At most {@link #MAX_SEGMENTS} items, in their own order: the first (__dataset__ or ALL) and
     * the largest of the rest by {@code size}.
     */
    static <T> List<T> largest(List<T> items, ToIntFunction<T> size) {
        if (items.size() <= MAX_SEGMENTS) {
            return items;
        }
        List<T> out = new ArrayList<>();
        out.add(items.get(0));
        out.addAll(top(items.subList(1, items.size()), size, MAX_SEGMENTS - 1));
        return out;
    }

    /** At most {@link #MAX_SEGMENTS} items, the largest by {@code size}, in their own order. */
    static <T> List<T> largestOnly(List<T> items, ToIntFunction<T> size) {
        return items.size() <= MAX_SEGMENTS ? items : top(items, size, MAX_SEGMENTS);
    }

    private static <T> List<T> top(List<T> items, ToIntFunction<T> size, int n) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(size).reversed());
        Set<T> keep = new HashSet<>(sorted.subList(0, n));
        return items.stream().filter(keep::contains).toList();
    }

    /** "Showing the 39 largest of 1,000 segments (and __dataset__); all are in the table bound to x." or nothing. */
    static Rendered shownOf(int shown, int total, String bound) {
        if (shown >= total) {
            return Rendered.concat();
        }
        return paragraph(String.format("Showing the %d largest of %,d segments; all of them are in %s.", shown - 1,
                total - 1, bound));
    }
}
