package partita.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import partita.model.SplitStats;
import partita.model.ValueCounts;
import partita.partition.Moments;
import partita.partition.segment.SegmentKey;

/**
 * A numeric feature's values counted in several partitions, sorted by Spark and thinned to
 * candidates on the executors, give the split statistics of all its values at once: bit for bit
 * for 0/1 targets, for any alpha, with values spread over many sorted partitions.
 */
class NumericCandidatesTest extends LocalSpark {

    @Test
    void candidatesFromSortedPartitionsAreThoseOfAllTheValues() {
        SplittableRandom rnd = new SplittableRandom(17);
        int pieces = 6;
        List<Map<SegmentKey, SegmentCounts>> perPartition = new ArrayList<>();
        ValueCounts[] whole = new ValueCounts[2];
        for (int p = 0; p < pieces; p++) {
            List<ValueCounts> features = new ArrayList<>();
            for (int j = 0; j < 2; j++) {
                TreeMap<Double, double[]> c = new TreeMap<>();
                int missing = 0;
                double missingSum = 0;
                for (int i = 0; i < 5_000; i++) {
                    // feature 0: continuous with ties; feature 1: few values; a few missing cells
                    double v = j == 0 ? Math.floor(rnd.nextDouble() * 20_000) / 7 : rnd.nextInt(5);
                    double y = rnd.nextDouble() < 0.3 + v % 0.4 ? 1 : 0;
                    if (rnd.nextInt(50) == 0) {
                        missing++;
                        missingSum += y;
                        continue;
                    }
                    double[] s = c.computeIfAbsent(v, k -> new double[2]);
                    s[0]++;
                    s[1] += y;
                }
                ValueCounts v = new ValueCounts("x" + j, c.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                        null, c.values().stream().mapToInt(s -> (int) s[0]).toArray(),
                        c.values().stream().mapToDouble(s -> s[1]).toArray(), missing, missingSum);
                features.add(v);
                whole[j] = whole[j] == null ? v : whole[j].merge(v);
            }
            perPartition.add(Map.of(SegmentKey.DATASET, new SegmentCounts(5_000, 0, 0, Moments.binary(1, 0), features)));
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        try (NumericCandidates sorted = new NumericCandidates(sc, sc.parallelize(perPartition, pieces),
                (key, j) -> j, 7)) {
            assertEquals(whole[0].counts().length, sorted.distinct(0));
            assertEquals(5, sorted.distinct(1));
            for (double alpha : new double[] {0.1, 0.6}) {
                Map<Integer, SplitStats.Numeric> stats = sorted.stats(Map.of(0, alpha, 1, alpha),
                        Map.of(0, whole[0], 1, whole[1]));
                for (int j = 0; j < 2; j++) {
                    SplitStats.Numeric expected = (SplitStats.Numeric) whole[j].splitStats(alpha);
                    SplitStats.Numeric got = stats.get(j);
                    String at = "feature " + j + ", alpha " + alpha;
                    assertArrayEquals(expected.splits(), got.splits(), at);
                    assertArrayEquals(expected.leftCount(), got.leftCount(), at);
                    assertArrayEquals(expected.leftMean(), got.leftMean(), at);
                    assertArrayEquals(expected.rightCount(), got.rightCount(), at);
                    assertArrayEquals(expected.rightMean(), got.rightMean(), at);
                    assertEquals(expected.count(), got.count(), at);
                    assertEquals(expected.mean(), got.mean(), 0.0, at);
                    assertEquals(expected.missingCount(), got.missingCount(), at);
                    assertEquals(expected.missingMean(), got.missingMean(), 0.0, at);
                }
                assertTrue(stats.get(0).splits().length <= whole[0].counts().length / (alpha > 0.5 ? 100 : 2),
                        "thinned: " + stats.get(0).splits().length + " candidates of " + whole[0].counts().length
                                + " values");
            }
        }
    }
}
