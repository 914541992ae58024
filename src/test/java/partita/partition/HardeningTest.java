package partita.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import partita.PartitaException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Inputs that used to pass silently with a surprising result. */
class HardeningTest {

    @Test
    void theKindFollowsTheTargetColumnTypeFirst() {
        Table oneRow = Table.create("t", DoubleColumn.create("price", new double[] {12.5}), StringColumn.create("c", "a"));
        assertEquals(Kind.REGRESSOR, Kind.infer(oneRow, "price"), "one numeric value is not a one-label classifier");
        Table binary = Table.create("t", IntColumn.create("churn", new int[] {0, 1, 1, 0}));
        assertEquals(Kind.CLASSIFIER, Kind.infer(binary, "churn"));
        Table many = Table.create("t", IntColumn.create("n", new int[] {1, 2, 3}));
        assertEquals(Kind.REGRESSOR, Kind.infer(many, "n"));
        assertEquals(Kind.CLASSIFIER, Kind.infer(Table.create("t", StringColumn.create("s", "x")), "s"));
    }

    @Test
    void monitoringAnEmptyTableSaysThereIsNothingToMonitor() {
        Table adult = Data.adult();
        PartitionedClassifier m = Partitioner.of(PartitionSpec.by("sex")).fitClassifier(adult, "income");
        PartitaException e = assertThrows(PartitaException.class, () -> m.monitor(adult.emptyCopy(), 0.7, 30));
        assertTrue(e.getMessage().contains("has no rows: there is nothing to monitor"), e.getMessage());
    }
}
