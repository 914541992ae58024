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

    @Test
    void decilesMergeTiesAndDropACutAtTheLargestScore() {
        ScoreReference ref = ScoreReference.of(new double[] {3, 1, 1, 2, 1, 5, 1, 2, 4, 1});
        assertArrayEquals(new double[] {1, 2, 3, 4}, ref.edges());
        assertArrayEquals(new double[] {0.5, 0.2, 0.1, 0.1, 0.1}, ref.shares());
        // the same from the scores at the cut ranks alone, as a distributed sort gives them
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, ScoreReference.cutRanks(10));
        ScoreReference ranked = ScoreReference.ofRanks(10, 5, new double[] {1, 1, 1, 1, 1, 2, 2, 3, 4},
                new long[] {5, 5, 5, 5, 5, 7, 7, 8, 9});
        assertArrayEquals(ref.edges(), ranked.edges());
        assertArrayEquals(ref.shares(), ranked.shares());
        assertArrayEquals(new double[0], ScoreReference.of(new double[] {2, 2, 2}).edges(), "one value: one bin");
    }

    @Test
    void aucWinsAddOverRunsOfValues() {
        // values 1..4 with [negatives, positives]; split after the second value
        long[] neg = {3, 1, 2, 0};
        long[] pos = {1, 2, 2, 4};
        double whole = Metrics.auc(new double[] {1, 2, 3, 4}, neg, pos);
        double first = 1 * (0 + 0.5 * 3) + 2 * (3 + 0.5 * 1);
        double second = 2 * (0 + 0.5 * 2) + 4 * (2 + 0.5 * 0) + (2 + 4) * 4.0; // own wins + positives over the 4 negatives before
        assertEquals(whole, Metrics.auc(first + second, 6, 9), 0.0);
        assertEquals((1.5 + 7 + 2 + 8 + 24) / 54, whole, 1e-15);
    }
}
