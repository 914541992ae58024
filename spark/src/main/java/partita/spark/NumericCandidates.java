package partita.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import partita.model.SplitStats;
import partita.model.ValueCounts;
import partita.partition.segment.SegmentKey;
import scala.Tuple2;

/**
 * The numeric features' distinct values, per segment, sorted by Spark and thinned to candidate
 * splits where they are (docs/algorithm.md section 4), so the driver holds only the candidates'
 * statistics, never a value per row. Each partition's value counts become (group, value, origin
 * partition) records, range-partitioned by (group, value) (a large segment spreads over several
 * tasks; one value stays in one) and sorted; the driver learns each group's number of distinct
 * values from a few totals per partition, and then receives, for the step its segment's alpha
 * gives, only the candidates: the values either side, the rows and target sum below, the target
 * sum above. A value's counts from several partitions add in partition order, so every run gives
 * the same sums; a classifier's (0/1 targets) are exact, so its statistics are bit for bit those
 * of all the values at once.
 */
final class NumericCandidates implements AutoCloseable {

    /** A value of a (segment, feature) group, as counted in one partition of the data. */
    record Key(int group, double value, int origin) implements Serializable {
    }

    /** Rows and target sum of a value. */
    record Stat(long count, double sum) implements Serializable {
    }

    private static final class Order implements Comparator<Key>, Serializable {
        @Override
        public int compare(Key a, Key b) {
            int c = Integer.compare(a.group(), b.group());
            c = c != 0 ? c : Double.compare(a.value(), b.value());
            return c != 0 ? c : Integer.compare(a.origin(), b.origin());
        }
    }

    /** By ranges of (group, value), the origin aside: every count of a value lands in one partition. */
    private static final class ByValue extends Partitioner {
        private final int[] groups;
        private final double[] values;

        ByValue(int[] groups, double[] values) {
            this.groups = groups;
            this.values = values;
        }

        @Override
        public int numPartitions() {
            return groups.length + 1;
        }

        @Override
        public int getPartition(Object key) {
            Key k = (Key) key;
            int lo = 0;
            int hi = groups.length;
            while (lo < hi) { // the first bound above the key
                int mid = (lo + hi) >>> 1;
                int c = Integer.compare(groups[mid], k.group());
                c = c != 0 ? c : Double.compare(values[mid], k.value());
                if (c <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** A group's distinct values in one sorted partition: how many, their rows and target sum, the first and last. */
    private record Run(int partition, int group, int distinct, long count, double sum, double first, double last)
            implements Serializable {
    }

    /** What a sorted partition sends for one candidate of a group: sums within the partition. */
    private record Candidate(int partition, int group, int index, double below, double above, long leftCount,
                             double leftSum, double rightSum) implements Serializable {
    }

    /** What a partition is asked for a group: the global index of its first value here, the step, the distinct values. */
    private record Ask(int start, int step, int distinct) implements Serializable {
    }

    private final JavaSparkContext sc;
    private final JavaPairRDD<Key, Stat> sorted;
    private final Map<Integer, List<Run>> runs = new HashMap<>();

    /**
     * @param perPartition each data partition's counts per segment (numeric features with their values)
     * @param group        the group of a segment's numeric feature (by its index among the features), or -1
     */
    NumericCandidates(JavaSparkContext sc, JavaRDD<Map<SegmentKey, SegmentCounts>> perPartition, Grouping group,
                      int partitions) {
        this.sc = sc;
        JavaPairRDD<Key, Stat> flat = perPartition.mapPartitionsWithIndex(
                (origin, it) -> records(origin, it, group), true).mapToPair(t -> t);
        long total = flat.count();
        double fraction = Math.min(1.0, 40.0 * partitions / Math.max(1, total));
        List<Key> sample = new ArrayList<>(flat.keys().sample(false, fraction, 7).collect());
        sample.sort(new Order());
        int bounds = Math.min(partitions - 1, sample.size());
        int[] groups = new int[bounds];
        double[] values = new double[bounds];
        for (int b = 0; b < bounds; b++) {
            Key k = sample.get((int) ((b + 1L) * sample.size() / (bounds + 1)));
            groups[b] = k.group();
            values[b] = k.value();
        }
        this.sorted = flat.repartitionAndSortWithinPartitions(new ByValue(groups, values), new Order())
                .persist(StorageLevel.MEMORY_AND_DISK());
        for (Run r : sorted.mapPartitionsWithIndex((p, it) -> runs(p, it).iterator(), false).collect()) {
            runs.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r); // collect keeps partition order
        }
    }

    /** Which group a segment's numeric feature counts in. */
    interface Grouping extends Serializable {
        /** -1 for a categorical feature. */
        int of(SegmentKey key, int feature);
    }

    /** A partition's numeric value counts as records, one at a time (a partition may hold many). */
    private static Iterator<Tuple2<Key, Stat>> records(int origin, Iterator<Map<SegmentKey, SegmentCounts>> it,
                                                      Grouping group) {
        return new Iterator<>() {
            private Iterator<Map.Entry<SegmentKey, SegmentCounts>> segments = java.util.Collections.emptyIterator();
            private SegmentKey key;
            private List<ValueCounts> features = List.of();
            private int j;
            private int i;
            private int g = -1;

            @Override
            public boolean hasNext() {
                while (true) {
                    if (g >= 0 && i < features.get(j).counts().length) {
                        return true;
                    }
                    if (j + 1 < features.size()) {
                        j++;
                        i = 0;
                        g = group.of(key, j);
                        continue;
                    }
                    if (!segments.hasNext()) {
                        if (!it.hasNext()) {
                            return false;
                        }
                        segments = it.next().entrySet().iterator();
                        continue;
                    }
                    Map.Entry<SegmentKey, SegmentCounts> e = segments.next();
                    key = e.getKey();
                    features = e.getValue().features() == null ? List.of() : e.getValue().features();
                    j = -1;
                    g = -1;
                }
            }

            @Override
            public Tuple2<Key, Stat> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                ValueCounts v = features.get(j);
                Tuple2<Key, Stat> t = new Tuple2<>(new Key(g, v.values()[i], origin), new Stat(v.counts()[i], v.sums()[i]));
                i++;
                return t;
            }
        };
    }

    /** A sorted partition's distinct values, each value's counts added in origin order. */
    private static final class Distinct {
        final Iterator<Tuple2<Key, Stat>> it;
        Tuple2<Key, Stat> ahead;
        int group;
        double value;
        long count;
        double sum;

        Distinct(Iterator<Tuple2<Key, Stat>> it) {
            this.it = it;
            this.ahead = it.hasNext() ? it.next() : null;
        }

        boolean next() {
            if (ahead == null) {
                return false;
            }
            group = ahead._1().group();
            value = ahead._1().value();
            count = 0;
            sum = 0;
            while (ahead != null && ahead._1().group() == group && Double.compare(ahead._1().value(), value) == 0) {
                count += ahead._2().count();
                sum += ahead._2().sum();
                ahead = it.hasNext() ? it.next() : null;
            }
            return true;
        }
    }

    private static List<Run> runs(int partition, Iterator<Tuple2<Key, Stat>> it) {
        List<Run> out = new ArrayList<>();
        Distinct d = new Distinct(it);
        boolean open = false;
        int group = 0;
        int distinct = 0;
        long count = 0;
        double sum = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        while (d.next()) {
            if (open && d.group != group) {
                out.add(new Run(partition, group, distinct, count, sum, first, last));
                open = false;
            }
            if (!open) {
                group = d.group;
                distinct = 0;
                count = 0;
                sum = 0;
                first = d.value;
                open = true;
            }
            distinct++;
            count += d.count;
            sum += d.sum;
            last = d.value;
        }
        if (open) {
            out.add(new Run(partition, group, distinct, count, sum, first, last));
        }
        return out;
    }

    /** How many distinct non-missing values a group has. */
    int distinct(int group) {
        return runs.getOrDefault(group, List.of()).stream().mapToInt(Run::distinct).sum();
    }

    /**
     * The split statistics of each group (with its alpha and its missing cells' count and target
     * sum), from one more pass that thins the sorted values to their candidates.
     */
    Map<Integer, SplitStats.Numeric> stats(Map<Integer, Double> alpha, Map<Integer, ValueCounts> missing) {
        Map<Integer, Map<Integer, Ask>> asked = new HashMap<>(); // partition -> group -> ask
        for (Map.Entry<Integer, Double> e : alpha.entrySet()) {
            int g = e.getKey();
            int k = distinct(g);
            if (k < 2) {
                continue;
            }
            int step = SplitStats.Numeric.candidateStep(k, e.getValue());
            int start = 0;
            for (Run r : runs.get(g)) {
                asked.computeIfAbsent(r.partition(), p -> new HashMap<>()).put(g, new Ask(start, step, k));
                start += r.distinct();
            }
        }
        Broadcast<Map<Integer, Map<Integer, Ask>>> shipped = sc.broadcast(asked);
        List<Candidate> found = sorted.mapPartitionsWithIndex((p, it) -> candidates(p, it,
                shipped.value().getOrDefault(p, Map.of())).iterator(), false).collect();
        shipped.destroy();
        Map<Integer, List<Candidate>> byGroup = new HashMap<>();
        for (Candidate c : found) {
            byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c); // partition, then index order
        }
        Map<Integer, SplitStats.Numeric> out = new HashMap<>();
        for (int g : alpha.keySet()) {
            out.put(g, assemble(g, byGroup.getOrDefault(g, List.of()), missing.get(g)));
        }
        return out;
    }

    private static List<Candidate> candidates(int partition, Iterator<Tuple2<Key, Stat>> it, Map<Integer, Ask> asks) {
        List<Candidate> out = new ArrayList<>();
        Distinct d = new Distinct(it);
        boolean more = d.next();
        while (more) {
            int group = d.group;
            Ask ask = asks.get(group);
            List<double[]> values = new ArrayList<>(); // value, count, sum of this group's run
            while (more && d.group == group) {
                if (ask != null) {
                    values.add(new double[] {d.value, d.count, d.sum});
                }
                more = d.next();
            }
            if (ask == null) {
                continue;
            }
            int n = values.size();
            double[] suffix = new double[n + 1]; // each side's sum over its own values, as in process
            for (int t = n - 1; t >= 0; t--) {
                suffix[t] = suffix[t + 1] + values.get(t)[2];
            }
            long leftCount = 0;
            double leftSum = 0;
            for (int t = 0; t < n; t++) {
                leftCount += (long) values.get(t)[1];
                leftSum += values.get(t)[2];
                int i = ask.start() + t;
                if (i % ask.step() == 0 && i <= ask.distinct() - 2) {
                    out.add(new Candidate(partition, group, i, values.get(t)[0],
                            t + 1 < n ? values.get(t + 1)[0] : Double.NaN, leftCount, leftSum, suffix[t + 1]));
                }
            }
        }
        return out;
    }

    /** A group's statistics from its candidates and its runs' totals (the sums of the other partitions' values). */
    private SplitStats.Numeric assemble(int group, List<Candidate> found, ValueCounts missing) {
        List<Run> rs = runs.getOrDefault(group, List.of());
        Map<Integer, Integer> at = new HashMap<>();
        long[] countBefore = new long[rs.size()];
        double[] sumBefore = new double[rs.size()];
        double[] sumAfter = new double[rs.size()];
        long count = 0;
        double sum = 0;
        for (int r = 0; r < rs.size(); r++) {
            at.put(rs.get(r).partition(), r);
            countBefore[r] = count;
            sumBefore[r] = sum;
            count += rs.get(r).count();
            sum += rs.get(r).sum();
        }
        double after = 0;
        for (int r = rs.size() - 1; r >= 0; r--) {
            sumAfter[r] = after;
            after = rs.get(r).sum() + after;
        }
        int m = found.size();
        double[] below = new double[m];
        double[] above = new double[m];
        int[] leftCount = new int[m];
        double[] leftSum = new double[m];
        double[] rightSum = new double[m];
        for (int i = 0; i < m; i++) {
            Candidate c = found.get(i);
            int r = at.get(c.partition());
            below[i] = c.below();
            above[i] = Double.isNaN(c.above()) ? rs.get(r + 1).first() : c.above();
            leftCount[i] = Math.toIntExact(countBefore[r] + c.leftCount());
            leftSum[i] = sumBefore[r] + c.leftSum();
            rightSum[i] = c.rightSum() + sumAfter[r];
        }
        int missingCount = missing == null ? 0 : missing.missingCount();
        double missingMean = missingCount == 0 ? Double.NaN : missing.missingSum() / missingCount;
        return SplitStats.Numeric.ofCandidates(below, above, leftCount, leftSum, rightSum, Math.toIntExact(count), sum,
                missingCount, missingMean);
    }

    @Override
    public void close() {
        sorted.unpersist(false);
    }
}
