package partita.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import partita.PartitaException;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class DataSplitTest {

    private static Table ids(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return Table.create("t", IntColumn.create("id", values));
    }

    @Test
    void seededSplitIsRepeatableDisjointAndComplete() {
        Table t = ids(1000);
        DataSplit a = DataSplit.of(t, 0.25, 42);
        DataSplit b = DataSplit.of(t, 0.25, 42);
        assertEquals(250, a.test().rowCount());
        assertEquals(750, a.train().rowCount());
        assertEquals(a.test().intColumn("id").asList(), b.test().intColumn("id").asList());
        Set<Integer> all = new HashSet<>(a.train().intColumn("id").asList());
        all.addAll(a.test().intColumn("id").asList());
        assertEquals(1000, all.size());
        List<Integer> test = a.test().intColumn("id").asList();
        for (int i = 1; i < test.size(); i++) {
            assertTrue(test.get(i - 1) < test.get(i), "test rows keep the original order");
        }
        assertNotEquals(test, DataSplit.of(t, 0.25, 43).test().intColumn("id").asList());
    }

    @Test
    void badSharesAreRefused() {
        Table t = ids(10);
        assertTrue(assertThrows(PartitaException.class, () -> DataSplit.of(t, 1.5, 1)).getMessage()
                .contains("between 0 and 1"));
        assertTrue(assertThrows(PartitaException.class, () -> DataSplit.of(t, 0.01, 1)).getMessage()
                .contains("one side empty"));
    }
}
