package partita.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import partita.eval.Metrics;
import partita.partition.ScoreReference;
import scala.Tuple2;

/**
 * Distinct values counted per group and sorted by Spark, for statistics of a distribution as
 * large as the rows (a classifier's training AUC over its probabilities, the deciles of a drift
 * reference over the scores). The (group, value) pairs are counted with {@code reduceByKey} and
 * range-partitioned by {@code sortByKey}, so a large group spreads over several tasks and neither
 * a task nor the driver holds a group's values: the driver receives, per partition and group, a
 * few totals, then only the values at the ranks it asks for. Counts are {@code [negatives,
 * positives]} for an AUC, {@code [rows, 0]} for a reference.
 */
final class SortedCounts implements AutoCloseable {

    /** A value of a group; a record compares its doubles as {@link Double#compare} (as a TreeMap would). */
    record Key(int group, double value) implements Serializable {
    }

    private static final class Order implements Comparator<Key>, Serializable {
        @Override
        public int compare(Key a, Key b) {
            int c = Integer.compare(a.group(), b.group());
            return c != 0 ? c : Double.compare(a.value(), b.value());
        }
    }

    /** A group's values in one partition: the two counts, the AUC's wins within them, the largest value. */
    private record Run(int partition, int group, long first, long second, double wins, double last)
            implements Serializable {
    }

    /** The value at a rank of a group, and how many of the group's rows have at most it (within the partition). */
    private record AtRank(int group, long rank, double value, long atMost) implements Serializable {
    }

    private final JavaSparkContext sc;
    private final JavaPairRDD<Key, long[]> sorted;
    private final Map<Integer, List<Run>> runs = new HashMap<>(); // per group, in partition order

    SortedCounts(JavaSparkContext sc, JavaPairRDD<Key, long[]> counted, int partitions) {
        this.sc = sc;
        this.sorted = counted.reduceByKey(SortedCounts::add, partitions).sortByKey(new Order(), true, partitions)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Run> all = sorted.mapPartitionsWithIndex((p, it) -> runs(p, it).iterator(), false).collect();
        for (Run r : all) { // collect keeps partition order
            runs.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        }
    }

    private static long[] add(long[] a, long[] b) {
        return new long[] {a[0] + b[0], a[1] + b[1]};
    }

    private static List<Run> runs(int partition, Iterator<Tuple2<Key, long[]>> it) {
        List<Run> out = new ArrayList<>();
        int group = 0;
        long first = 0;
        long second = 0;
        double wins = 0;
        double last = Double.NaN;
        boolean open = false;
        while (it.hasNext()) {
            Tuple2<Key, long[]> t = it.next();
            if (open && t._1().group() != group) {
                out.add(new Run(partition, group, first, second, wins, last));
                first = 0;
                second = 0;
                wins = 0;
            }
            group = t._1().group();
            open = true;
            long[] c = t._2();
            wins += c[1] * (first + 0.5 * c[0]); // Metrics.auc's term: positives over the negatives below them
            first += c[0];
            second += c[1];
            last = t._1().value();
        }
        if (open) {
            out.add(new Run(partition, group, first, second, wins, last));
        }
        return out;
    }

    /** Rows of a group (both counts). */
    long rows(int group) {
        return runs.getOrDefault(group, List.of()).stream().mapToLong(r -> r.first() + r.second()).sum();
    }

    /** The ROC AUC of a group's values with counts [negatives, positives]; the same number as on the rows. */
    double auc(int group) {
        double wins = 0;
        long negatives = 0;
        long positives = 0;
        for (Run r : runs.getOrDefault(group, List.of())) {
            wins += r.wins() + r.second() * (double) negatives; // whole and half counts: exact in any order
            negatives += r.first();
            positives += r.second();
        }
        return Metrics.auc(wins, negatives, positives);
    }

    /** The drift references of groups with rows (counts [rows, 0]), with one more pass over the sorted values. */
    Map<Integer, ScoreReference> references(Collection<Integer> groups) {
        Map<Integer, Map<Integer, List<Long>>> asked = new HashMap<>(); // partition -> group -> local ranks
        Map<Integer, long[]> ranks = new HashMap<>();
        for (int g : groups) {
            long[] r = ScoreReference.cutRanks(rows(g));
            ranks.put(g, r);
            long before = 0;
            int q = 0;
            for (Run run : runs.get(g)) {
                long n = run.first() + run.second();
                for (; q < r.length && r[q] < before + n; q++) {
                    asked.computeIfAbsent(run.partition(), p -> new HashMap<>())
                            .computeIfAbsent(g, x -> new ArrayList<>()).add(r[q] - before);
                }
                before += n;
            }
        }
        Broadcast<Map<Integer, Map<Integer, List<Long>>>> shipped = sc.broadcast(asked);
        List<Tuple2<Integer, AtRank>> found = sorted.mapPartitionsWithIndex((p, it) -> {
            Map<Integer, List<Long>> mine = shipped.value().getOrDefault(p, Map.of());
            List<Tuple2<Integer, AtRank>> out = new ArrayList<>();
            int group = Integer.MIN_VALUE;
            long seen = 0;
            int q = 0;
            while (it.hasNext()) {
                Tuple2<Key, long[]> t = it.next();
                if (t._1().group() != group) {
                    group = t._1().group();
                    seen = 0;
                    q = 0;
                }
                List<Long> want = mine.get(group);
                if (want == null) {
                    continue;
                }
                seen += t._2()[0] + t._2()[1];
                for (; q < want.size() && want.get(q) < seen; q++) {
                    out.add(new Tuple2<>(p, new AtRank(group, want.get(q), t._1().value(), seen)));
                }
            }
            return out.iterator();
        }, false).collect();
        shipped.destroy();
        Map<Integer, Map<Long, AtRank>> byGroup = new HashMap<>();
        Map<Integer, Map<Integer, Long>> offsets = new HashMap<>(); // group -> partition -> rows before it
        for (int g : groups) {
            long before = 0;
            Map<Integer, Long> o = new HashMap<>();
            for (Run run : runs.get(g)) {
                o.put(run.partition(), before);
                before += run.first() + run.second();
            }
            offsets.put(g, o);
        }
        for (Tuple2<Integer, AtRank> f : found) {
            long before = offsets.get(f._2().group()).get(f._1());
            AtRank a = f._2();
            byGroup.computeIfAbsent(a.group(), x -> new HashMap<>())
                    .put(a.rank() + before, new AtRank(a.group(), a.rank() + before, a.value(), a.atMost() + before));
        }
        Map<Integer, ScoreReference> out = new HashMap<>();
        for (int g : groups) {
            long[] r = ranks.get(g);
            double[] at = new double[r.length];
            long[] atMost = new long[r.length];
            for (int q = 0; q < r.length; q++) {
                AtRank a = byGroup.get(g).get(r[q]);
                at[q] = a.value();
                atMost[q] = a.atMost();
            }
            List<Run> rs = runs.get(g);
            out.put(g, ScoreReference.ofRanks(rows(g), rs.get(rs.size() - 1).last(), at, atMost));
        }
        return out;
    }

    @Override
    public void close() {
        sorted.unpersist(false);
    }
}
