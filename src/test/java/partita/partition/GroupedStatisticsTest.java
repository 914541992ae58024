package partita.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import partita.eval.Metrics;

/** What a distributed trainer computes from grouped rows equals what the rows give, bit for bit. */
class GroupedStatisticsTest {

    @Test
    void aucAndScoreReferenceFromGroupedRows() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 20_000;
        double[] p = new double[n];
        double[] y = new double[n];
        TreeMap<Double, long[]> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            p[i] = Math.floor(rnd.nextDouble() * 101) / 100; // few distinct values, many ties
            y[i] = rnd.nextDouble() < p[i] ? 1 : 0;
            groups.computeIfAbsent(p[i], k -> new long[2])[(int) y[i]]++;
        }
        double[] values = groups.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        long[] neg = groups.values().stream().mapToLong(c -> c[0]).toArray();
        long[] pos = groups.values().stream().mapToLong(c -> c[1]).toArray();
        assertEquals(Metrics.auc(y, p), Metrics.auc(values, neg, pos), 0.0);

        long[] counts = groups.values().stream().mapToLong(c -> c[0] + c[1]).toArray();
        ScoreReference rows = ScoreReference.of(p);
        ScoreReference grouped = ScoreReference.of(values, counts);
        assertArrayEquals(rows.edges(), grouped.edges());
        assertArrayEquals(rows.shares(), grouped.shares());
        assertEquals(Moments.of(y, java.util.stream.IntStream.range(0, n).toArray()),
                Moments.binary(n, java.util.Arrays.stream(y).sum()));
    }
}
