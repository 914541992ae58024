package partita.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import partita.eval.Metrics;
import partita.partition.ScoreReference;
import scala.Tuple2;

/**
 * Groups of values sorted across many partitions give the AUC and the drift reference the
 * engine computes from all of a group's values at once, bit for bit.
 */
class SortedCountsTest extends LocalSpark {

    @Test
    void groupsSplitOverPartitionsGiveTheWholeGroupsStatistics() {
        SplittableRandom rnd = new SplittableRandom(11);
        List<Tuple2<SortedCounts.Key, long[]>> pairs = new ArrayList<>();
        List<TreeMap<Double, long[]>> whole = new ArrayList<>();
        int[] sizes = {40_000, 7, 1, 3_000}; // a large group spread over partitions, small ones within one
        for (int g = 0; g < sizes.length; g++) {
            TreeMap<Double, long[]> counts = new TreeMap<>();
            for (int i = 0; i < sizes[g]; i++) {
                double p = g == 3 ? Math.floor(rnd.nextDouble() * 50) / 50 : rnd.nextDouble(); // group 3: many ties
                int y = rnd.nextDouble() < p ? 1 : 0;
                pairs.add(new Tuple2<>(new SortedCounts.Key(g, p), y == 0 ? new long[] {1, 0} : new long[] {0, 1}));
                counts.computeIfAbsent(p, k -> new long[2])[y]++;
            }
            whole.add(counts);
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaPairRDD<SortedCounts.Key, long[]> rdd = sc.parallelizePairs(pairs, 5);
        try (SortedCounts sorted = new SortedCounts(sc, rdd, 9)) {
            Map<Integer, ScoreReference> refs = sorted.references(List.of(0, 1, 2, 3));
            for (int g = 0; g < sizes.length; g++) {
                TreeMap<Double, long[]> c = whole.get(g);
                double[] values = c.keySet().stream().mapToDouble(Double::doubleValue).toArray();
                long[] neg = c.values().stream().mapToLong(v -> v[0]).toArray();
                long[] pos = c.values().stream().mapToLong(v -> v[1]).toArray();
                long[] all = c.values().stream().mapToLong(v -> v[0] + v[1]).toArray();
                assertEquals(sizes[g], sorted.rows(g));
                assertEquals(Metrics.auc(values, neg, pos), sorted.auc(g), 0.0, "group " + g);
                ScoreReference expected = ScoreReference.of(values, all);
                assertArrayEquals(expected.edges(), refs.get(g).edges(), "group " + g);
                assertArrayEquals(expected.shares(), refs.get(g).shares(), "group " + g);
            }
            assertEquals(9, expected(refs.get(0)), "the large group has its nine cuts");
        }
    }

    private static int expected(ScoreReference ref) {
        return ref.edges().length;
    }
}
