package partita.partition.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import partita.PartitaException;

/**
 * How rows are split into segments: one or more levels, outermost first. One level is a plain
 * partition (e.g. by {@code relationship}); several form a hierarchy (region &gt; customer_type
 * &gt; product) where every prefix of a row's path is a segment of its own, so a row is scored
 * by the deepest trained segment of its path, then its parent, and finally {@code __dataset__}.
 * Each level has its own minimum segment size.
 *
 * @param levels the levels, outermost first (at least one)
 */
public record PartitionSpec(List<Level> levels) implements java.io.Serializable {

    public PartitionSpec {
        if (levels == null || levels.isEmpty()) {
            throw new PartitaException("A partition needs at least one level: give the column(s) to partition by, "
                    + "e.g. by=relationship or by=region,customer_type.");
        }
        levels = List.copyOf(levels);
        Set<String> names = new HashSet<>();
        for (Level l : levels) {
            if (!names.add(l.name())) {
                throw new PartitaException("Level '" + l.name() + "' appears twice in the partition. "
                        + "List each column (or derived segment) once.");
            }
        }
    }

    /** A hierarchy on the given columns (outermost first), default minimum sizes. */
    public static PartitionSpec by(String... columns) {
        return by(Arrays.asList(columns));
    }

    /** A hierarchy on the given columns (outermost first), default minimum sizes. */
    public static PartitionSpec by(List<String> columns) {
        return new PartitionSpec(columns.stream().map(Level::of).toList());
    }

    public static PartitionSpec of(Level... levels) {
        return new PartitionSpec(Arrays.asList(levels));
    }

    /** The same levels, each with this minimum segment size. */
    public PartitionSpec minSize(int rows) {
        return new PartitionSpec(levels.stream().map(l -> l.withMinSize(rows)).toList());
    }

    /** Minimum sizes per level, outermost first (one per level). */
    public PartitionSpec minSizes(int... rows) {
        if (rows.length != levels.size()) {
            throw new PartitaException("Got " + rows.length + " minimum size(s) for " + levels.size()
                    + " level(s). Give one per level (outermost first), or a single one for all.");
        }
        List<Level> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            out.add(levels.get(i).withMinSize(rows[i]));
        }
        return new PartitionSpec(out);
    }

    /** Adds a deeper level. */
    public PartitionSpec then(Level level) {
        List<Level> out = new ArrayList<>(levels);
        out.add(level);
        return new PartitionSpec(out);
    }

    /** Maps the values of a level (named by its column or its name) into groups. */
    public PartitionSpec map(String level, ValueMapping mapping) {
        int i = levelIndex(level);
        List<Level> out = new ArrayList<>(levels);
        out.set(i, levels.get(i).withMapping(mapping));
        return new PartitionSpec(out);
    }

    private int levelIndex(String name) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(name) || levels.get(i).column().equals(name)) {
                return i;
            }
        }
        throw PartitaException.unknownName("partition level", name, levelNames());
    }

    public List<String> levelNames() {
        return levels.stream().map(Level::name).toList();
    }

    /** Source columns of the levels; they are never features. */
    public List<String> columns() {
        return levels.stream().map(Level::column).distinct().toList();
    }

    public int depth() {
        return levels.size();
    }

    /** Depth-first order of segment keys: a parent right before its children; values in level order. */
    public Comparator<SegmentKey> order() {
        return (a, b) -> {
            int n = Math.min(a.depth(), b.depth());
            for (int i = 0; i < n; i++) {
                int c = levels.get(i).compare(a.value(i), b.value(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.depth(), b.depth());
        };
    }


    @Override
    public String toString() {
        return String.join(" > ", levelNames());
    }
}
