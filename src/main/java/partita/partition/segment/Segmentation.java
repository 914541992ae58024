package partita.partition.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import partita.PartitaException;
import tech.tablesaw.api.Table;

/**
 * A table's rows placed in a partition: the full segment path of every row (distinct paths are
 * shared objects) and the kind of each level's source column.
 */
public final class Segmentation {

    private final PartitionSpec spec;
    private final List<KeyType> sources;
    /** Full-depth path of every row. */
    private final SegmentKey[] paths;

    private Segmentation(PartitionSpec spec, List<KeyType> sources, SegmentKey[] paths) {
        this.spec = spec;
        this.sources = sources;
        this.paths = paths;
    }

    public static Segmentation of(PartitionSpec spec, Table table) {
        int depth = spec.depth();
        Object[][] values = new Object[depth][];
        List<KeyType> sources = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            Level.Values v = spec.levels().get(l).read(table);
            values[l] = v.values();
            sources.add(v.source());
        }
        Map<SegmentKey, SegmentKey> interned = new HashMap<>();
        SegmentKey[] paths = new SegmentKey[table.rowCount()];
        Object[] path = new Object[depth];
        for (int i = 0; i < paths.length; i++) {
            for (int l = 0; l < depth; l++) {
                path[l] = values[l][i];
            }
            paths[i] = interned.computeIfAbsent(SegmentKey.of(path), k -> k);
        }
        return new Segmentation(spec, List.copyOf(sources), paths);
    }

    /** The placement of some rows only: row i of the result is row {@code rows[i]} here. */
    public Segmentation subset(int[] rows) {
        SegmentKey[] out = new SegmentKey[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = paths[rows[i]];
        }
        return new Segmentation(spec, sources, out);
    }

    /**
     * Refuses a table whose partition columns hold another kind of values than in training
     * (e.g. codes read as numbers instead of text): keys keep their type, so such rows would
     * all fall back silently.
     */
    public void requireSources(List<KeyType> trained) {
        for (int l = 0; l < sources.size(); l++) {
            if (sources.get(l) != trained.get(l)) {
                String column = spec.levels().get(l).column();
                throw new PartitaException("Partition column '" + column + "' holds " + sources.get(l).label()
                        + " values here but held " + trained.get(l).label() + " values in training, so its segments"
                        + " would not match (1 and \"1\" are different segments). Read or convert '" + column
                        + "' as " + trained.get(l).label() + " (e.g. set the column type in CsvReadOptions).");
            }
        }
    }

    /**
     * Rows of every segment: {@code __dataset__} first (all given rows), then every prefix of the
     * rows' paths in the spec's depth-first order; each row list ascending.
     *
     * @param rows the rows to place (ascending), or null for all
     */
    public LinkedHashMap<SegmentKey, int[]> groups(int[] rows) {
        int n = rows == null ? paths.length : rows.length;
        Map<SegmentKey, IntList> byPath = new HashMap<>();
        for (int j = 0; j < n; j++) {
            int r = rows == null ? j : rows[j];
            byPath.computeIfAbsent(paths[r], k -> new IntList()).add(r);
        }
        TreeMap<SegmentKey, IntList> byPrefix = new TreeMap<>(spec.order());
        byPath.forEach((path, list) -> {
            for (int d = 1; d <= path.depth(); d++) {
                byPrefix.computeIfAbsent(path.prefix(d), k -> new IntList()).addAll(list);
            }
        });
        LinkedHashMap<SegmentKey, int[]> out = new LinkedHashMap<>();
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = rows == null ? j : rows[j];
        }
        out.put(SegmentKey.DATASET, all);
        byPrefix.forEach((key, list) -> {
            int[] a = list.toArray();
            Arrays.sort(a);
            out.put(key, a);
        });
        return out;
    }

    /** Rows placed. */
    public int rows() {
        return paths.length;
    }

    /** The full-depth path of a row (rows of one path share one key object). */
    public SegmentKey path(int row) {
        return paths[row];
    }

    /** The kind of values of each level's source column, outermost first. */
    public List<KeyType> sources() {
        return sources;
    }

    /** A growable int array. */
    public static final class IntList {
        private int[] a = new int[16];
        private int size;

        public void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        public void addAll(IntList other) {
            if (size + other.size > a.length) {
                a = Arrays.copyOf(a, Math.max(size + other.size, a.length * 2));
            }
            System.arraycopy(other.a, 0, a, size, other.size);
            size += other.size;
        }

        public int size() {
            return size;
        }

        public int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
