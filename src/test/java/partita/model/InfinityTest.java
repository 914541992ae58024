package partita.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import partita.PartitaException;
import partita.io.ModelFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Infinite feature values are the feature's extreme values: -Infinity falls in the first leaf,
 * +Infinity in the last, split points stay finite, and fit, predict, explain, save and load agree.
 */
public class InfinityTest {

    /** mixed data whose 'score' column has -Infinity and +Infinity in some rows (and its missing values). */
    public static Table withInfinities(int n, long seed) {
        Table t = TestData.mixed(n, seed);
        DoubleColumn score = t.doubleColumn("score");
        for (int i = 0; i < n; i += 17) {
            score.set(i, Double.POSITIVE_INFINITY);
        }
        for (int i = 5; i < n; i += 23) {
            score.set(i, Double.NEGATIVE_INFINITY);
        }
        return t;
    }

    @Test
    void splitPointsBetweenInfinitiesStayFinite() {
        assertEquals(2.5, Splits.between(2, 3));
        assertEquals(7, Splits.between(7, Double.POSITIVE_INFINITY));
        assertEquals(0, Splits.between(Double.NEGATIVE_INFINITY, 3));
        assertEquals(-10, Splits.between(Double.NEGATIVE_INFINITY, -5));
        assertEquals(0, Splits.between(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        double big = Splits.between(1e308, Double.MAX_VALUE);
        assertTrue(big > 1e308 && big < Double.MAX_VALUE, "no overflow: " + big);
        assertTrue(Double.isNaN(Splits.between(Double.NEGATIVE_INFINITY, -Double.MAX_VALUE)), "no finite split below the lowest double");
        assertEquals(Math.nextDown(-1e308), Splits.between(Double.NEGATIVE_INFINITY, -1e308), 1e293);
    }

    @Test
    void infinitiesFallInTheExtremeLeavesEverywhere(@TempDir Path dir) {
        Table t = withInfinities(3000, 4);
        for (Params p : List.of(Params.defaults(), Params.builder().optimise(true).build())) {
            for (TransparentModel m : List.of(new XClassifier(p).fit(t, "label", TestData.MIXED_FEATURES),
                    new XRegressor(p).fit(t, "amount", TestData.MIXED_FEATURES))) {
                FeatureProfile score = m.profile("score");
                List<Leaf> leaves = score.leaves();
                for (Leaf l : leaves) {
                    assertTrue(l.missing() || l.upper() > l.lower(), "leaf " + l.describe());
                }
                for (int i = 0; i < leaves.size() - 2; i++) {
                    assertTrue(Double.isFinite(leaves.get(i).upper()), "split " + leaves.get(i).upper());
                }
                Leaf first = leaves.get(0);
                Leaf last = leaves.get(leaves.size() - 2);
                Explanation plus = m.explain(t, 0);
                Explanation minus = m.explain(t, 5);
                assertEquals(last, plus.contributions().get(2).leaf(), "+Infinity in the last leaf");
                assertEquals(first, minus.contributions().get(2).leaf(), "-Infinity in the first leaf");
                assertTrue(Double.isFinite(m.predictScore(t)[0]) && Double.isFinite(m.predictScore(t)[5]));
                Path file = dir.resolve("m.json");
                ModelFiles.save(m, file);
                TransparentModel back = (TransparentModel) ModelFiles.load(file, Object.class);
                assertArrayEquals(m.predictScore(t), back.predictScore(t));
                assertEquals(score, back.profile("score"));
            }
        }
    }

    @Test
    void anInfiniteRegressionTargetIsRefused() {
        Table t = TestData.mixed(200, 1);
        t.doubleColumn("amount").set(7, Double.NEGATIVE_INFINITY);
        PartitaException e = assertThrows(PartitaException.class,
                () -> new XRegressor().fit(t, "amount", TestData.MIXED_FEATURES));
        assertTrue(e.getMessage().contains("1 infinite value(s) (first at row 7, -Infinity)"), e.getMessage());
    }
}
